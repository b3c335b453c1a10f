using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Search;
using Tongban.Modules.Catalog.Persistence;

namespace Tongban.Modules.Catalog.Features.Shared;

/// <summary>Builds the search row of a published version (pinyin and initials computed once, here).</summary>
internal static class SearchIndex
{
    public static CatalogSearchEntry EntryFor(Implementation implementation, ImplementationVersion version, ItemType itemType, string departmentName)
    {
        var content = version.Content;
        var (pinyin, initials) = Pinyin.Of(content.Name);
        return new CatalogSearchEntry
        {
            ImplementationId = implementation.Id,
            Code = implementation.Code,
            BasicCode = implementation.BasicCode,
            VersionNumber = version.Number,
            Name = content.Name,
            DepartmentId = implementation.DepartmentId,
            DepartmentName = departmentName,
            RegionCode = implementation.RegionCode,
            Audience = content.Audience,
            ItemType = itemType,
            OnlineDepth = content.OnlineDepth,
            ServiceScope = content.ServiceScope,
            Terms = string.Join(' ', content.Keywords.Concat(content.LifeEvents).Append(departmentName).Append(content.ResultName)),
            Pinyin = pinyin,
            Initials = initials,
            LifeEvents = string.Join(' ', content.LifeEvents),
            PublishedAt = version.PublishedAt,
            PromisedLimitAmount = content.PromisedLimit.Amount,
            PromisedLimitUnit = content.PromisedLimit.Unit,
            StatutoryLimitAmount = content.StatutoryLimit.Amount,
            StatutoryLimitUnit = content.StatutoryLimit.Unit,
        };
    }
}
