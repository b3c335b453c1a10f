using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Modules.Identity.Features.Listing;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Identity.Features.ListPeople;

/// <param name="After">The sealed cursor of the next page, as the previous page gave it.</param>
public sealed record ListPeopleRequest(string? After);

/// <summary>A natural person as the directory shows them: identifiers masked.</summary>
public sealed record PersonListItem(string Name, string MaskedIdNumber, string MaskedPhone);

/// <summary>
/// 自然人名录 for platform and region admins, in ID-number order. A person's only region is the area
/// code of their ID number (where they were first registered), so a region admin sees the persons
/// whose area code lies in their region, to county precision. Every page read is audited.
/// </summary>
public sealed class ListPeopleHandler(TongbanDbContext db, DirectoryPages pages)
{
    private const int AreaCodeDigits = 6;

    public Task<Result<DirectoryPage<PersonListItem>>> HandleAsync(ListPeopleRequest request, CancellationToken cancellationToken) =>
        pages.ReadAsync(
            "people",
            request.After,
            async (region, after, take, ct) =>
            {
                var people = db.Set<Person>().AsNoTracking();
                if (region is { } within)
                {
                    people = people.StartingWith(p => p.IdNumber, CodePrefix.Of(within, AreaCodeDigits));
                }

                if (after is not null)
                {
                    people = people.Where(p => string.Compare((string)(object)p.IdNumber, after) > 0);
                }

                return await people
                    .OrderBy(p => p.IdNumber)
                    .Take(take)
                    .Select(p => new { p.IdNumber, p.Name, p.Phone })
                    .ToListAsync(ct);
            },
            p => new PersonListItem(p.Name, p.IdNumber.Masked, Masking.MaskPhone(p.Phone)),
            p => p.IdNumber.Value,
            nameof(Person),
            p => p.MaskedIdNumber,
            cancellationToken);
}
