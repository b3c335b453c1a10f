using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.DecideIntake;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Persistence;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Conflict = Tongban.Domain.Primitives.Conflict;
using NotFound = Tongban.Domain.Primitives.NotFound;

namespace Tongban.Modules.Cases.Features.DecideBundleAcceptance;

/// <summary>One line of the bundle's 补正告知: a material by the name (or any member's key) the bundle case shows, and what is wrong with it.</summary>
public sealed record BundleCorrectionLine(string? Material, string? Reason);

/// <param name="Decision">accept (受理), correction (补正告知) or refuse (不予受理).</param>
public sealed record BundleAcceptanceRequest(string? Decision, string? Reason = null, IReadOnlyList<BundleCorrectionLine>? Items = null, int? ExpectedVersion = null);

/// <summary>
/// 一窗受理 (不动产登记“三窗合一”): the lead department's window decides the intake of the whole bundle once,
/// and the decision is recorded on every member case, on behalf of each member's department, through each
/// member's own intake decision (<see cref="DecideIntakeHandler"/>: its rules, terms, after-acceptance steps
/// and audit). All members change in one transaction or none does; the bundle-level audit names the clerk's
/// department and region and the departments acted for. Then each department works its member in parallel.
/// A 补正告知 goes to the members whose materials it names (the others wait for the one acceptance).
/// </summary>
public sealed class DecideBundleAcceptanceHandler(LeadBundleAccess lead, DecideIntakeHandler intake, CaseAccess access, CaseStore cases, AuditTrail audit, Organisation.IOrganisationDirectory organisations)
{
    public async Task<Result<LeadBundleCaseView>> HandleAsync(string number, BundleAcceptanceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(await lead.LoadAsync(number, tracked: false, cancellationToken)).TryGet(out var found, out var notFound))
        {
            return notFound;
        }

        var (bundleCase, memberCases) = found;
        var definition = BundleJson.ReadMembers(bundleCase.Definition);
        if (!definition.All(m => m.AtLeadWindow))
        {
            return new Conflict("bundles.acceptance-not-single");
        }

        if (!lead.IsLeadWindow(bundleCase))
        {
            return new Forbidden("bundles.acceptance-not-lead-window");
        }

        if (request.ExpectedVersion is { } version && version != bundleCase.Version)
        {
            return new Conflict("bundles.changed-meanwhile", bundleCase.Number.Value);
        }

        var names = (await lead.ViewAsync(bundleCase, memberCases, cancellationToken)).Members.ToDictionary(m => m.Key, m => (m.Name, m.Department), StringComparer.Ordinal);
        if (bundleCase.Members.FirstOrDefault(m => m.Status != CaseStatus.Submitted) is { } notAwaiting)
        {
            return new Conflict("bundles.acceptance-not-awaiting", names[notAwaiting.Key].Name, notAwaiting.Status is { } s ? CaseNames.Of(s) : "—");
        }

        var decision = request.Decision?.Trim().ToLowerInvariant();
        if (decision is not ("accept" or "correction" or "refuse"))
        {
            return new Invalid("bundles.acceptance-decision-unknown", request.Decision ?? "") { Field = "decision" };
        }

        var decisions = new List<(string Key, string CaseNumber, Func<Task<Result<Case>>> Act)>();
        foreach (var member in bundleCase.Members)
        {
            var caseNumber = member.CaseNumber!;
            switch (decision)
            {
                case "accept":
                    decisions.Add((member.Key, caseNumber, () => intake.AcceptAsync(caseNumber, new AcceptRequest(), cancellationToken, wholeBundle: true)));
                    break;
                case "refuse":
                    decisions.Add((member.Key, caseNumber, () => intake.RefuseAsync(caseNumber, new RefuseRequest(request.Reason), cancellationToken, wholeBundle: true)));
                    break;
                default:
                    var memberCase = memberCases.First(c => c.Number!.Value.Value == caseNumber);
                    var lines = LinesFor(memberCase, request.Items ?? []);
                    if (lines.Count > 0 || memberCase.MissingMaterials.Count > 0)
                    {
                        decisions.Add((member.Key, caseNumber, () => intake.RequestCorrectionAsync(caseNumber, new RequestCorrectionRequest(lines), cancellationToken, wholeBundle: true)));
                    }

                    break;
            }
        }

        if (decision == "correction")
        {
            if ((request.Items ?? []).Count == 0)
            {
                return new Invalid("bundles.correction-empty") { Field = "items" };
            }

            if ((request.Items ?? []).FirstOrDefault(i => memberCases.All(c => LinesFor(c, [i]).Count == 0)) is { } unknown)
            {
                return new Invalid("bundles.correction-material-unknown", unknown.Material ?? "") { Field = "items" };
            }
        }

        var decided = await access.TogetherAsync(async () =>
        {
            foreach (var (key, caseNumber, act) in decisions)
            {
                if ((await act()).Error is { } error)
                {
                    return OnMember(names[key].Name, error);
                }
            }

            var scope = access.User.Scope;
            var department = scope?.DepartmentId is { } id ? (await organisations.FindDepartmentAsync(id, cancellationToken))?.Name : null;
            audit.Record("bundles.acceptance", nameof(BundleCase), bundleCase.Number.Value, after: new
            {
                decision,
                by = new { department, region = scope?.Region.Value },
                onBehalfOf = decisions.Select(d => new { member = d.Key, caseNumber = d.CaseNumber, department = names[d.Key].Department }),
                reason = request.Reason,
            });
            await cases.SaveChangesAsync(cancellationToken);
            return Result<bool>.Success(true);
        }, cancellationToken);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        if (!(await lead.LoadAsync(number, tracked: false, cancellationToken)).TryGet(out var after, out var gone))
        {
            return gone;
        }

        return await lead.ViewAsync(after.BundleCase, after.MemberCases, cancellationToken);
    }

    /// <summary>The correction lines a member case takes: the items naming one of its materials, by key or by name as the bundle merges them.</summary>
    private static List<CorrectionLine> LinesFor(Case memberCase, IReadOnlyList<BundleCorrectionLine> items) =>
        [.. items
            .Select(i => (Item: i, Material: memberCase.Materials.FirstOrDefault(m => m.Key == i.Material?.Trim()
                || BundleApplication.NameKey(m.Name) == BundleApplication.NameKey(i.Material ?? ""))))
            .Where(x => x.Material is not null && !string.IsNullOrWhiteSpace(x.Item.Material))
            .Select(x => new CorrectionLine(x.Material!.Key, x.Item.Reason ?? ""))
            .DistinctBy(l => l.MaterialKey)];

    /// <summary>A member's own rule, said for the bundle: which member could not take the decision, and why.</summary>
    private static Error OnMember(string member, Error error) => error switch
    {
        Invalid => new Invalid("bundles.acceptance-member-failed", member, error.Message) { Field = error.Field },
        Conflict => new Conflict("bundles.acceptance-member-failed", member, error.Message),
        Forbidden => new Forbidden("bundles.acceptance-member-failed", member, error.Message),
        _ => new NotFound("bundles.acceptance-member-failed", member, error.Message),
    };
}

/// <summary>POST /api/v1/backoffice/bundle-cases/{number}/acceptance.</summary>
public static class DecideBundleAcceptanceApi
{
    public static void Map(RouteGroupBuilder staff) =>
        staff.MapPost("/backoffice/bundle-cases/{number}/acceptance",
                async Task<Results<Ok<LeadBundleCaseView>, ProblemHttpResult>> (string number, BundleAcceptanceRequest request, DecideBundleAcceptanceHandler handler, CancellationToken ct) =>
                    (await handler.HandleAsync(number, request, ct)).ToOkOrProblem())
            .WithName("DecideBundleAcceptance")
            .WithSummary("Accept a 一窗受理 bundle once for every member (三窗合一)")
            .WithDescription("A window clerk of the bundle's lead department (403 for other staff of it; 404 outside its reach), for a bundle whose definition says acceptance single (409 otherwise), "
                + "while every member awaits intake (409 naming the first that does not). Body {decision: accept|correction|refuse, reason? (refuse), items? [{material (name or key), reason}] (correction), expectedVersion?}. "
                + "The decision is taken on every member case through its own intake rules (POST /api/v1/cases/{caseNumber}/accept, /refuse, /request-correction), on behalf of its department, "
                + "in one transaction: when one member cannot take it, none does and the answer names that member (bundles.acceptance-member-failed). A correction goes to the members whose materials it names. "
                + "Answers the bundle case as GET /api/v1/backoffice/bundle-cases/{number} shows it.")
            .Produces<LeadBundleCaseView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
