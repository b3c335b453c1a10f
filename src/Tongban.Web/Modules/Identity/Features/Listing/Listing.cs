using Microsoft.AspNetCore.DataProtection;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Identity.Features.Listing;

/// <summary>One page of a directory list, in key order, and the cursor of the next page (null on the last).</summary>
public sealed record DirectoryPage<T>(IReadOnlyList<T> Items, string? Next)
{
    public const int Size = 50;

    /// <summary>Builds the page from <see cref="Size"/> + 1 rows read in key order: the extra row only says there is more.</summary>
    public static DirectoryPage<T> From<TRow>(IReadOnlyList<TRow> rows, int size, Func<TRow, T> item, Func<TRow, string> cursor) =>
        new([.. rows.Take(size).Select(item)], rows.Count > size ? cursor(rows[size - 1]) : null);
}

/// <summary>
/// Keyset-pagination cursors that would otherwise carry personal identifiers (ID numbers) in the
/// address bar and server logs: the key is sealed with Data Protection, so the link is opaque.
/// </summary>
public sealed class SealedCursors(IDataProtectionProvider protection)
{
    public string Seal(string purpose, string key) => Protector(purpose).Protect(key);

    /// <summary>The key inside a cursor; no cursor means the first page.</summary>
    public Result<string?> Open(string purpose, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return Result<string?>.Success(null);
        }

        try
        {
            return Protector(purpose).Unprotect(cursor);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new Invalid("directory.cursor-invalid");
        }
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("Tongban.Identity.Directory", purpose);
}

/// <summary>
/// Reads one page of a personal-data directory the same way for every list: the reader's reach
/// (<see cref="DirectoryReach"/>), the sealed cursor, the page, and the audit record of what was shown.
/// </summary>
public sealed class DirectoryPages(TongbanDbContext db, CurrentUser me, AuditTrail audit, SealedCursors cursors)
{
    /// <param name="purpose">Names the list, so a cursor of one list is refused by another.</param>
    /// <param name="read">The rows in key order, at most <see cref="DirectoryPage{T}.Size"/> + 1, within the region (null = everywhere) and after the key (null = from the start).</param>
    /// <param name="key">The row's key, sealed into the next page's cursor.</param>
    /// <param name="shown">What the audit record keeps of each item shown.</param>
    public async Task<Result<DirectoryPage<TItem>>> ReadAsync<TRow, TItem>(
        string purpose,
        string? cursor,
        Func<RegionCode?, string?, int, CancellationToken, Task<List<TRow>>> read,
        Func<TRow, TItem> item,
        Func<TRow, string> key,
        string entity,
        Func<TItem, string> shown,
        CancellationToken cancellationToken)
    {
        if (!DirectoryReach.Of(me).TryGet(out var region, out var refused))
        {
            return refused;
        }

        if (!cursors.Open(purpose, cursor).TryGet(out var after, out var invalid))
        {
            return invalid;
        }

        var rows = await read(region, after, DirectoryPage<TItem>.Size + 1, cancellationToken);
        var page = DirectoryPage<TItem>.From(rows, DirectoryPage<TItem>.Size, item, row => cursors.Seal(purpose, key(row)));
        audit.Record("person.list-read", entity, "list", after: new
        {
            Region = region?.Value,
            Shown = page.Items.Select(shown).ToArray(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return page;
    }
}

/// <summary>Region prefixes for codes that carry less detail than a region code.</summary>
public static class CodePrefix
{
    /// <summary>The first <paramref name="digits"/> of the region's prefix, for codes that carry less detail (an ID number's area code has 6).</summary>
    public static string Of(RegionCode region, int digits) => region.SignificantPrefix is var prefix && prefix.Length > digits ? prefix[..digits] : prefix;
}

/// <summary>
/// Who may read the people and enterprise directories, and where: platform admins everywhere,
/// region admins inside their region (null region = everywhere).
/// </summary>
public static class DirectoryReach
{
    public static Result<RegionCode?> Of(CurrentUser me) =>
        me.IsPlatformAdmin ? Result<RegionCode?>.Success(null)
        : me.HasAnyRole(Role.RegionAdmin) && me.Scope is { } scope ? scope.Region
        : new Forbidden("directory.not-allowed");
}
