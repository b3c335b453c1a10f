using System.Linq.Expressions;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Organisation.Features.Shared;

internal static class RegionQueries
{
    /// <summary>
    /// Keeps the rows whose region lies within <paramref name="scope"/>, filtered in the database: a
    /// region lies within another when its code starts with the other's significant digits.
    /// </summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> source, Expression<Func<T, RegionCode>> region, RegionCode scope)
    {
        // (string)(object)code makes EF compare the stored text (LIKE 'prefix%') rather than the converted value.
        var text = Expression.Convert(Expression.Convert(region.Body, typeof(object)), typeof(string));
        var startsWith = Expression.Call(
            text,
            typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!,
            Expression.Property(Expression.Constant(new Prefix(scope.SignificantPrefix)), nameof(Prefix.Value)));
        return source.Where(Expression.Lambda<Func<T, bool>>(startsWith, region.Parameters));
    }

    /// <summary>Holds the prefix so EF sends it as a parameter, not as a literal in the SQL text.</summary>
    private sealed record Prefix(string Value);
}
