using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Search;
using Tongban.Modules.Catalog.Persistence;

namespace Tongban.Modules.Catalog.Features.SearchItems;

/// <summary>
/// The SQL side of search: filters, and a candidate match that finds at least everything
/// <see cref="SearchRanking.Match"/> accepts. Only instr/strpos-style containment, lower() and LIKE
/// on lower-case ASCII are used, which behave the same on SQLite and PostgreSQL. Every value is
/// captured from a local, so EF sends it as a parameter.
/// </summary>
internal static class SearchPredicates
{
    public static IQueryable<CatalogSearchEntry> Filtered(IQueryable<CatalogSearchEntry> entries, SearchCriteria criteria)
    {
        if (criteria.Regions.Count > 0)
        {
            entries = entries.Where(criteria.Regions.Select(InRegion).Aggregate(Or));
        }

        if (criteria.Audience is { } audience)
        {
            entries = entries.Where(e => e.Audience == audience || e.Audience == Audience.Both);
        }

        if (criteria.Department is { } department)
        {
            entries = entries.Where(e => e.DepartmentId == department);
        }

        if (criteria.LifeEvent is { } lifeEvent)
        {
            var word = $" {lifeEvent} ";
            entries = entries.Where(e => (" " + e.LifeEvents + " ").Contains(word));
        }

        return entries;
    }

    /// <summary>Every word of the query found through at least one of its alternatives.</summary>
    public static Expression<Func<CatalogSearchEntry, bool>> Matching(SearchQuery query) =>
        query.Terms.Select(term => term.Alternatives.Select(Finds).Aggregate(Or)).Aggregate(And);

    private static Expression<Func<CatalogSearchEntry, bool>> InRegion(Domain.Primitives.RegionCode region) => e => e.RegionCode == region;

    private static Expression<Func<CatalogSearchEntry, bool>> Finds(string word)
    {
        if (!SearchText.IsLatin(word))
        {
            // lower() only when case can matter: a word of Chinese characters has none, and every row is spared the call.
            return string.Equals(word, word.ToUpperInvariant(), StringComparison.Ordinal)
                ? e => e.Name.Contains(word) || e.Terms.Contains(word)
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(), never run in .NET; the word is already normalised to lower case.
                : e => e.Name.ToLower().Contains(word) || e.Terms.ToLower().Contains(word);
        }

        // A Latin word: the pinyin column also holds the name's own letters and digits in lower case (ETC卡 → etcka).
        Expression<Func<CatalogSearchEntry, bool>> found = e => e.Pinyin.Contains(word) || e.Initials.Contains(word) || e.Terms.ToLower().Contains(word);
#pragma warning restore CA1304, CA1311
        if (word.Length < SearchRanking.MinAbbreviationLength)
        {
            return found;
        }

        // SearchRanking.IsAbbreviation as LIKE: 'jdcdj' → 'j%d%c%d%j%' (the word is [a-z0-9] only, nothing to escape).
        var abbreviation = string.Join('%', word.ToCharArray()) + "%";
        return Or(found, e => EF.Functions.Like(e.Initials, abbreviation));
    }

    private static Expression<Func<CatalogSearchEntry, bool>> Or(Expression<Func<CatalogSearchEntry, bool>> left, Expression<Func<CatalogSearchEntry, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<CatalogSearchEntry, bool>> And(Expression<Func<CatalogSearchEntry, bool>> left, Expression<Func<CatalogSearchEntry, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<CatalogSearchEntry, bool>> Combine(
        Expression<Func<CatalogSearchEntry, bool>> left, Expression<Func<CatalogSearchEntry, bool>> right, Func<Expression, Expression, BinaryExpression> join)
    {
        var parameter = left.Parameters[0];
        var rightBody = ReplacingExpressionVisitor.Replace(right.Parameters[0], parameter, right.Body);
        return Expression.Lambda<Func<CatalogSearchEntry, bool>>(join(left.Body, rightBody), parameter);
    }
}
