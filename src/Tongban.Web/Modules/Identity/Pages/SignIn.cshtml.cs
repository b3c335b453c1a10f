using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Domain.Identity;
using Tongban.Modules.Identity.Features.Authentication;
using Tongban.Modules.Identity.Features.SignIn;
using Tongban.Platform.Http;

namespace Tongban.Modules.Identity.Pages;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(IdentityModule.SignInRateLimit)]
public sealed class SignInModel(SignInHandler signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string As { get; set; } = "citizen";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Uscc { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet() => As = Normalise(As);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        As = Normalise(As);
        var username = As == "enterprise" ? $"{Uscc?.Trim()}:{Username?.Trim()}" : Username;
        if (As == "enterprise" && string.IsNullOrWhiteSpace(Uscc))
        {
            ModelState.AddError(new Tongban.Domain.Primitives.Invalid("sign-in.uscc-required") { Field = nameof(Uscc) });
            return Page();
        }

        var result = await signIn.HandleAsync(username, Password, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddError(result.Error);
            return Page();
        }

        var account = result.Value;
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountClaims.PrincipalFor(account, CookieAuthenticationDefaults.AuthenticationScheme));
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        return Redirect(account.Kind == AccountKind.Staff ? "/workbench" : "/me");
    }

    private static string Normalise(string? value) => value is "enterprise" or "staff" ? value : "citizen";
}
