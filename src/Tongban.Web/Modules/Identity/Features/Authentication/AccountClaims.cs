using System.Security.Claims;
using Tongban.Domain.Identity;
using Tongban.Platform.Security;

namespace Tongban.Modules.Identity.Features.Authentication;

/// <summary>The claims a signed-in account carries; both the cookie and the bearer token build them here.</summary>
internal static class AccountClaims
{
    public static ClaimsPrincipal PrincipalFor(Account account, string scheme)
    {
        var claims = new List<Claim>
        {
            new(TongbanClaims.AccountId, account.Id.ToString()),
            new(ClaimTypes.Name, account.DisplayName),
            new(TongbanClaims.Kind, account.Kind.ToString()),
            new(TongbanClaims.SecurityStamp, account.SecurityStamp),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        if (account.ScopeRegion is { } region)
        {
            claims.Add(new Claim(TongbanClaims.ScopeRegion, region.Value));
        }

        if (account.ScopeDepartmentId is { } department)
        {
            claims.Add(new Claim(TongbanClaims.ScopeDepartment, department.ToString()));
        }

        if (account.PersonIdNumber is { } person)
        {
            claims.Add(new Claim(TongbanClaims.Person, person.Value));
        }

        if (account.LegalPersonUscc is { } legalPerson)
        {
            claims.Add(new Claim(TongbanClaims.LegalPerson, legalPerson.Value));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
