using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Evaluation;
using Tongban.Platform.Persistence;

namespace Tongban.Modules.Evaluation.Persistence;

/// <summary>The Evaluation module's sets: ratings, invitations and 差评 work orders, saved with their audit records.</summary>
public sealed class EvaluationStore(TongbanDbContext db)
{
    public IQueryable<Rating> Ratings => db.Set<Rating>();

    public IQueryable<RatingInvitation> Invitations => db.Set<RatingInvitation>();

    public IQueryable<Rectification> Rectifications => db.Set<Rectification>();

    public void Add(Rating rating) => db.Add(rating);

    public void Add(RatingInvitation invitation) => db.Add(invitation);

    public void Add(Rectification rectification) => db.Add(rectification);

    /// <summary>Saves the unit of work (with its audit entries).</summary>
    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
