using System.Linq.Expressions;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Platform.Security;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// The caller's own rows, in the database: an enterprise agent's by the enterprise's USCC, a citizen's by
/// their ID number (the rule <see cref="CaseAccess.IsApplicant"/> applies to one loaded row).
/// </summary>
public static class ApplicantQueries
{
    /// <summary>The rows whose applicant is the caller, or null when the caller applies for nobody.</summary>
    public static IQueryable<T>? OfCaller<T>(this IQueryable<T> source, CurrentUser user, Expression<Func<T, Applicant>> applicant)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(applicant);
        var wanted = new Wanted(user.LegalPerson, user.LegalPerson is null ? user.Person : null);
        if (wanted.Uscc is null && wanted.IdNumber is null)
        {
            return null;
        }

        // The holder's property is read, so EF sends the code as a parameter.
        var holder = Expression.Constant(wanted);
        var test = wanted.Uscc is not null
            ? Expression.Equal(Expression.Property(applicant.Body, nameof(Applicant.Uscc)), Expression.Property(holder, nameof(Wanted.Uscc)))
            : Expression.Equal(Expression.Property(applicant.Body, nameof(Applicant.IdNumber)), Expression.Property(holder, nameof(Wanted.IdNumber)));
        return source.Where(Expression.Lambda<Func<T, bool>>(test, applicant.Parameters));
    }

    private sealed record Wanted(Uscc? Uscc, IdNumber? IdNumber);
}
