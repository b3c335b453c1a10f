using System.Linq.Expressions;
using Tongban.Domain.Primitives;

namespace Tongban.Platform.Persistence;

/// <summary>
/// Prefix filters on code columns (region codes, ID numbers), written once for every module. A
/// prefix is sent as the range [prefix, prefix + "Z"), which a B-tree index serves under any
/// collation (LIKE 'prefix%' cannot under a linguistic one). The codes are digits with at most a
/// trailing X, and both sort before "Z", so exactly the codes that start with the prefix lie in it.
/// </summary>
public static class CodeRanges
{
    /// <summary>Keeps the rows whose region lies within <paramref name="scope"/> (the scope itself included).</summary>
    public static IQueryable<T> Within<T, TCode>(this IQueryable<T> source, Expression<Func<T, TCode>> region, RegionCode scope) =>
        source.StartingWith(region, scope.SignificantPrefix);

    /// <summary>Keeps the rows whose code (stored as text) starts with <paramref name="prefix"/>.</summary>
    public static IQueryable<T> StartingWith<T, TCode>(this IQueryable<T> source, Expression<Func<T, TCode>> code, string prefix)
    {
        // (string)(object)code makes EF compare the stored text rather than the converted value.
        var text = Expression.Convert(Expression.Convert(code.Body, typeof(object)), typeof(string));
        var bounds = Expression.Constant(new Bounds(prefix, prefix + "Z"));
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var zero = Expression.Constant(0);
        var inRange = Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(compare, text, Expression.Property(bounds, nameof(Bounds.From))), zero),
            Expression.LessThan(Expression.Call(compare, text, Expression.Property(bounds, nameof(Bounds.To))), zero));
        return source.Where(Expression.Lambda<Func<T, bool>>(inRange, code.Parameters));
    }

    /// <summary>Holds the bounds so EF sends them as parameters, not as literals in the SQL text.</summary>
    private sealed record Bounds(string From, string To);
}
