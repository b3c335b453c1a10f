using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Licences;
using Tongban.Domain.Primitives;
using Tongban.Platform;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;

namespace Tongban.Modules.Licences.Features.Wallet;

/// <summary>A field of a licence as it is printed: its label and value.</summary>
public sealed record LicenceFieldValue(string Label, string Value);

/// <summary>
/// A licence as its holder, a verifier or a granted third party sees it today: the state, the fields
/// on its face in the template's order (all of them, and the public ones), and its verification link.
/// </summary>
public sealed record LicenceCard(Licence Licence, LicenceTemplate Template, LicenceState State, IReadOnlyList<LicenceFieldValue> Fields, IReadOnlyList<LicenceFieldValue> PublicFields, string VerificationUrl)
{
    public bool IsValid => State == LicenceState.Valid;

    /// <summary>有效 / 已过期 / 已暂停 / 已撤销 / 已被新版本替代.</summary>
    public string StateName => LicenceCards.StateName(State);

    /// <summary>The wire name: valid | expired | suspended | revoked | superseded.</summary>
    public string WireState => State.ToString().ToLowerInvariant();
}

/// <summary>Reads licences with their types into <see cref="LicenceCard"/>s; the holder's own licences for the wallet.</summary>
public sealed class LicenceCards(TongbanDbContext db, CityClock clock, CurrentUser user, LicenceLinks links)
{
    /// <summary>The code the caller holds licences under: an enterprise agent's enterprise (USCC), otherwise the citizen's ID number.</summary>
    public string? HolderCode => user.LegalPerson?.Value ?? user.Person?.Value;

    public static string StateName(LicenceState state) => state switch
    {
        LicenceState.Valid => "有效",
        LicenceState.Expired => "已过期",
        LicenceState.Suspended => "已暂停",
        LicenceState.Revoked => "已撤销",
        LicenceState.Superseded => "已被新版本替代",
    };

    /// <summary>The caller's licences: valid first, then the others; newest first within each.</summary>
    public async Task<IReadOnlyList<LicenceCard>> MineAsync(CancellationToken cancellationToken)
    {
        if (HolderCode is not { } holder)
        {
            return [];
        }

        var licences = await db.Set<Licence>().AsNoTracking().Where(l => l.Holder.Code == holder)
            .OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.CreatedAt).ToListAsync(cancellationToken);
        var cards = await CardsAsync(licences, cancellationToken);
        return [.. cards.OrderBy(c => c.IsValid ? 0 : 1)];
    }

    /// <summary>One of the caller's own licences, or null (also when it is someone else's).</summary>
    public async Task<LicenceCard?> MineAsync(LicenceIdentifier identifier, CancellationToken cancellationToken)
    {
        var card = await FindAsync(identifier, cancellationToken);
        return card is not null && HolderCode is { } holder && card.Licence.Holder.Code == holder ? card : null;
    }

    public async Task<LicenceCard?> FindAsync(LicenceIdentifier identifier, CancellationToken cancellationToken)
    {
        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(l => l.Identifier == identifier, cancellationToken);
        return licence is null ? null : (await CardsAsync([licence], cancellationToken))[0];
    }

    public async Task<LicenceCard?> FindAsync(Guid licenceId, CancellationToken cancellationToken)
    {
        var licence = await db.Set<Licence>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == licenceId, cancellationToken);
        return licence is null ? null : (await CardsAsync([licence], cancellationToken))[0];
    }

    private async Task<IReadOnlyList<LicenceCard>> CardsAsync(IReadOnlyList<Licence> licences, CancellationToken cancellationToken)
    {
        var codes = licences.Select(l => l.TypeCode).Distinct().ToList();
        var types = await db.Set<LicenceType>().AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, cancellationToken);
        var today = clock.Today;
        return [.. licences.Select(l => Card(l, types.GetValueOrDefault(l.TypeCode), today))];
    }

    private LicenceCard Card(Licence licence, LicenceType? type, DateOnly today)
    {
        // A field the type no longer has keeps its key as its label; the face shows what was issued.
        var known = type?.Fields ?? [];
        var order = type?.Template.FieldOrder is { Count: > 0 } fieldOrder
            ? fieldOrder.Select(k => known.First(f => f.Key == k))
            : known.Concat(licence.Data.Keys.Where(k => known.All(f => f.Key != k)).Select(k => new LicenceField(k, k, Public: false)));
        var fields = order.Where(f => licence.Data.ContainsKey(f.Key)).ToList();
        return new LicenceCard(
            licence,
            type?.Template ?? new LicenceTemplate(licence.TypeName),
            licence.StateOn(today),
            [.. fields.Select(f => new LicenceFieldValue(f.Label, licence.Data[f.Key]))],
            [.. fields.Where(f => f.Public).Select(f => new LicenceFieldValue(f.Label, licence.Data[f.Key]))],
            links.Verification(licence.Payload));
    }
}
