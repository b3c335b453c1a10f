using Tongban.Domain.Cases;
using Tongban.Domain.Licences;
using Tongban.Modules.Catalog;
using Tongban.Modules.Licences;
using Tongban.Platform;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// 签章: the decision document (准予 / 不予行政许可决定书) is signed by the deciding department's seal
/// as the decision is taken. The signed claims (kind D) are what anyone can check from the document's
/// QR code: the 办件编号, the applicant's public name, the date, the item, the outcome and the licence
/// issued with it.
/// </summary>
internal sealed class SealDecisionOnDecision(ILicences licences, ICatalog catalog, CityClock clock) : IAfterDecision
{
    public const string OutcomeField = "决定";
    public const string ItemField = "事项";
    public const string LicenceField = "证照";

    public async Task RunAsync(Case @case, CaseActor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decision = @case.Decision!;
        var item = (await catalog.FindPublishedAsync(@case.ImplementationCode, @case.ImplementationVersion, cancellationToken))?.Content.Name;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [OutcomeField] = decision.Outcome == DecisionOutcome.Approve ? "准予行政许可" : "不予行政许可",
            [ItemField] = item ?? @case.ImplementationCode.Value,
        };
        if (@case.Issuance?.LicenceId is { } licence)
        {
            fields[LicenceField] = licence;
        }

        var day = clock.DayOf(@case.DecidedAt!.Value);
        var claims = new PayloadClaims(PayloadKind.Decision, @case.Number!.Value.Value, CaseLicensing.HolderOf(@case).PublicName, day, null, fields);
        var signed = await licences.SignDecisionAsync(@case.DepartmentId, claims, cancellationToken);
        if (@case.SignDecision(signed.Text) is { IsSuccess: false } refused)
        {
            throw new InvalidOperationException($"Case {@case.Number!.Value.Value}: {refused.Error!.Code}");
        }
    }
}
