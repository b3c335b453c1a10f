using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Primitives;
using Tongban.Platform;

namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>
/// The SMS link <c>/r/{token}</c>: the invitation's id and an expiry, protected by ASP.NET Data Protection
/// (its keys are in the database, so every node reads every link). The expiry is checked against the
/// injected clock, not the machine's, so it follows the city's time like every other deadline.
/// </summary>
public sealed class RatingLinks(IDataProtectionProvider protection, CityClock clock, IOptions<RatingOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Tongban.Evaluation.RatingLink.v1");

    public string PathFor(RatingInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var expires = invitation.DefaultAt ?? invitation.SentAt.AddDays(options.Value.LinkDaysWithoutDefault);
        var payload = new byte[24];
        invitation.Id.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expires.ToUnixTimeSeconds());
        return "/r/" + WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>The whole link, as the SMS carries it.</summary>
    public string UrlFor(RatingInvitation invitation) => options.Value.PublicBaseUrl.TrimEnd('/') + PathFor(invitation);

    /// <summary>The invitation the token names, or why it cannot be used (not ours or tampered with; expired).</summary>
    public Result<Guid> Read(string? token)
    {
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? ""));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return EvaluationErrors.LinkInvalid();
        }

        if (payload.Length != 24)
        {
            return EvaluationErrors.LinkInvalid();
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
        return clock.UtcNow > expires ? EvaluationErrors.LinkExpired() : new Guid(payload.AsSpan(0, 16));
    }
}
