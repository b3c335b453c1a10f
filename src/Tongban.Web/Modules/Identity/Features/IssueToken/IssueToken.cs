using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tongban.Domain.Identity;
using Tongban.Modules.Identity.Features.SignIn;
using Tongban.Platform;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Identity.Features.IssueToken;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>POST /api/v1/auth/token: a bearer token for department systems, the app and kiosks.</summary>
internal static class IssueTokenEndpoint
{
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        TokenRequest request,
        SignInHandler signIn,
        TongbanDbContext db,
        TimeProvider clock,
        IOptions<TongbanOptions> options,
        CancellationToken cancellationToken)
    {
        var result = await signIn.HandleAsync(request.Username, request.Password, cancellationToken);
        if (!result.IsSuccess)
        {
            var problem = result.Error.ToProblem();
            // A failed sign-in is 401, whatever rule failed.
            problem.ProblemDetails.Status = StatusCodes.Status401Unauthorized;
            problem.ProblemDetails.Title = Problems.TitleFor(StatusCodes.Status401Unauthorized);
            return TypedResults.Problem(problem.ProblemDetails);
        }

        var lifetime = TimeSpan.FromMinutes(options.Value.Security.AccessTokenMinutes);
        var (token, plain) = AccessToken.Issue(result.Value, clock.GetUtcNow(), lifetime);
        db.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(plain, "Bearer", (int)lifetime.TotalSeconds));
    }
}
