using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Search;
using Tongban.Domain.Primitives;
using Tongban.Modules.Catalog.Persistence;
using Tongban.Modules.Organisation;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Catalog.Features.SearchItems;

/// <summary>What a person asks the public search; every part optional, as typed (the API's query string, the page's form).</summary>
public sealed record SearchItemsRequest(string? Q, string? Region, string? Audience, string? Department, string? LifeEvent, int? Page, int? PageSize);

/// <summary>One published implementation in a result list.</summary>
public sealed record SearchHit(
    BasicItemCode Code,
    ImplementationCode ImplementationCode,
    string Name,
    string Department,
    RegionCode Region,
    string RegionName,
    Audience Audience,
    OnlineDepth OnlineDepth,
    ServiceScope ServiceScope,
    int Version);

public sealed record SearchResults(IReadOnlyList<SearchHit> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 0 : ((Total - 1) / PageSize) + 1;
}

/// <summary>The choices the search form offers: regions, departments and life events that have published items.</summary>
public sealed record SearchOptions(IReadOnlyList<RegionSummary> Regions, IReadOnlyList<(Guid Id, string Name)> Departments, IReadOnlyList<string> LifeEvents);

/// <summary>
/// 事项搜索 over the published implementations (public information, no sign-in, no audit). The
/// database narrows the candidates with filters and LIKE-style matches that mean the same on SQLite
/// and PostgreSQL; <see cref="SearchRanking"/> orders them in memory.
/// </summary>
public sealed class SearchItemsHandler(TongbanDbContext db, IOrganisationDirectory organisation)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<Result<SearchResults>> HandleAsync(SearchItemsRequest request, CancellationToken cancellationToken)
    {
        if (!SearchCriteria.From(request).TryGet(out var criteria, out var error))
        {
            return error;
        }

        var entries = SearchPredicates.Filtered(db.Set<CatalogSearchEntry>().AsNoTracking(), criteria);
        int total;
        List<Row> rows;
        if (criteria.Query.IsEmpty)
        {
            // Nothing typed: every filtered item ranks the same, so the database orders and pages (by the name's pinyin, as the ranking does).
            total = await entries.CountAsync(cancellationToken);
            rows = await Project(entries.OrderBy(e => e.Pinyin).ThenBy(e => e.Code).Skip(criteria.Skip).Take(criteria.PageSize)).ToListAsync(cancellationToken);
        }
        else
        {
            var candidates = await Project(entries.Where(SearchPredicates.Matching(criteria.Query))).ToListAsync(cancellationToken);
            var ranked = SearchRanking.Rank(candidates, criteria.Query, r => new SearchDocument(r.Name, r.Pinyin, r.Initials, r.Terms, r.Code.Value));
            total = ranked.Count;
            rows = [.. ranked.Skip(criteria.Skip).Take(criteria.PageSize)];
        }

        // One query for the names: the regions down to the deepest level on this page (rarely below townships).
        var deepest = rows.Count == 0 ? RegionLevel.Province : rows.Max(r => r.RegionCode.Level);
        var regionNames = (await organisation.RegionsAsync(deepest, cancellationToken)).ToDictionary(r => r.Code, r => r.Name);
        var hits = rows.Select(r => new SearchHit(
            r.BasicCode, r.Code, r.Name, r.DepartmentName, r.RegionCode, regionNames.GetValueOrDefault(r.RegionCode, r.RegionCode.Value), r.Audience, r.OnlineDepth, r.ServiceScope, r.VersionNumber));
        return new SearchResults([.. hits], total, criteria.Page, criteria.PageSize);
    }

    /// <summary>The form's choices: regions down to townships, and the departments and life events that have published items, in pinyin order.</summary>
    public async Task<SearchOptions> OptionsAsync(CancellationToken cancellationToken)
    {
        var entries = db.Set<CatalogSearchEntry>().AsNoTracking();
        var departments = await entries.Select(e => new { e.DepartmentId, e.DepartmentName }).Distinct().ToListAsync(cancellationToken);
        var lifeEvents = await entries.Select(e => e.LifeEvents).Distinct().ToListAsync(cancellationToken);
        return new SearchOptions(
            await organisation.RegionsAsync(RegionLevel.Township, cancellationToken),
            [.. departments.OrderBy(d => Pinyin.Of(d.DepartmentName).Full, StringComparer.Ordinal).Select(d => (d.DepartmentId, d.DepartmentName))],
            [.. lifeEvents.SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).OrderBy(e => Pinyin.Of(e).Full, StringComparer.Ordinal)]);
    }

    private static IQueryable<Row> Project(IQueryable<CatalogSearchEntry> entries) =>
        entries.Select(e => new Row(e.Code, e.BasicCode, e.Name, e.DepartmentName, e.RegionCode, e.Audience, e.OnlineDepth, e.ServiceScope, e.VersionNumber, e.Pinyin, e.Initials, e.Terms));

    private sealed record Row(
        ImplementationCode Code,
        BasicItemCode BasicCode,
        string Name,
        string DepartmentName,
        RegionCode RegionCode,
        Audience Audience,
        OnlineDepth OnlineDepth,
        ServiceScope ServiceScope,
        int VersionNumber,
        string Pinyin,
        string Initials,
        string Terms);
}

/// <summary>A request checked and parsed once: the query, the filters and the page.</summary>
internal sealed record SearchCriteria(SearchQuery Query, IReadOnlyList<RegionCode> Regions, Audience? Audience, Guid? Department, string? LifeEvent, int Page, int PageSize)
{
    public int Skip => (Page - 1) * PageSize;

    public static Result<SearchCriteria> From(SearchItemsRequest request)
    {
        if (request.Q?.Length > SearchQuery.MaxLength)
        {
            return new Invalid("catalog.search-query-too-long", SearchQuery.MaxLength) { Field = "q" };
        }

        // An item applies where it is implemented and in every region inside: a county resident also sees the city's items.
        List<RegionCode> regions = [];
        if (!string.IsNullOrWhiteSpace(request.Region))
        {
            if (!RegionCode.Parse(request.Region).TryGet(out var region, out var regionError))
            {
                return regionError with { Field = "region" };
            }

            for (RegionCode? at = region; at is { } current; at = current.Parent)
            {
                regions.Add(current);
            }
        }

        Audience? audience = null;
        if (!string.IsNullOrWhiteSpace(request.Audience))
        {
            var typed = request.Audience.Trim();
            if (!typed.All(char.IsAsciiLetter) || !Enum.TryParse<Audience>(typed, ignoreCase: true, out var parsed) || parsed is not (Domain.Catalog.Audience.NaturalPerson or Domain.Catalog.Audience.LegalPerson))
            {
                return new Invalid("catalog.search-audience-unknown", typed) { Field = "audience" };
            }

            audience = parsed;
        }

        Guid? department = null;
        if (!string.IsNullOrWhiteSpace(request.Department))
        {
            if (!Guid.TryParse(request.Department, out var id))
            {
                return new Invalid("catalog.search-department-invalid", request.Department.Trim()) { Field = "department" };
            }

            department = id;
        }

        if (request.Page is < 1)
        {
            return new Invalid("catalog.search-page-invalid") { Field = "page" };
        }

        if (request.PageSize is < 1 or > SearchItemsHandler.MaxPageSize)
        {
            return new Invalid("catalog.search-page-size-invalid", SearchItemsHandler.MaxPageSize) { Field = "pageSize" };
        }

        var lifeEvent = string.IsNullOrWhiteSpace(request.LifeEvent) ? null : request.LifeEvent.Trim();
        return new SearchCriteria(
            SearchQuery.Parse(request.Q, Synonyms.Default), regions, audience, department, lifeEvent, request.Page ?? 1, request.PageSize ?? SearchItemsHandler.DefaultPageSize);
    }
}
