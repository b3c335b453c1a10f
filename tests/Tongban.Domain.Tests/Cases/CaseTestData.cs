using System.Globalization;
using Tongban.Domain.Cases;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Domain.Tests.Identifiers;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Cases;

/// <summary>
/// A small world for case tests: the shipped calendar, Beijing-time instants, the people who act, an
/// item with four materials and a four-step back office (审查 → 消防会签 ∥ 环保会签 → 审核).
/// </summary>
internal static class CaseTestData
{
    public const string IdCard = "id-card";      // 身份证明: key material, no 容缺
    public const string Lease = "lease";         // 场地证明: 容缺 allowed, a commitment may replace it
    public const string Plan = "plan";           // 经营方案: 容缺 allowed
    public const string Photo = "photo";         // 门店照片: optional

    public const string Review = "review";
    public const string Fire = "fire";
    public const string Ecology = "environment";
    public const string SignOff = "sign-off";

    public static readonly Guid CitizenId = new("10000000-0000-0000-0000-000000000001");
    public static readonly Guid ClerkId = new("20000000-0000-0000-0000-000000000002");
    public static readonly Guid ReviewerId = new("30000000-0000-0000-0000-000000000003");
    public static readonly Guid OtherReviewerId = new("30000000-0000-0000-0000-000000000033");
    public static readonly Guid FireOfficerId = new("40000000-0000-0000-0000-000000000004");
    public static readonly Guid EnvironmentOfficerId = new("50000000-0000-0000-0000-000000000005");
    public static readonly Guid LeaderId = new("60000000-0000-0000-0000-000000000006");
    public static readonly Guid HeadId = new("70000000-0000-0000-0000-000000000007");

    public static WorkingCalendar Shipped => WorkingCalendar.LoadShipped();

    public static TimeZoneInfo Zone => WorkingCalendar.ChinaStandardTime;

    public static CaseActor Citizen => CaseActor.Applicant(CitizenId);

    public static CaseActor Clerk => new(ClerkId, "WindowClerk");

    public static CaseActor Reviewer => new(ReviewerId, "Approver");

    public static CaseActor OtherReviewer => new(OtherReviewerId, "Approver");

    public static CaseActor FireOfficer => new(FireOfficerId, "FireReviewer");

    public static CaseActor EnvironmentOfficer => new(EnvironmentOfficerId, "EnvironmentReviewer");

    public static CaseActor Leader => new(LeaderId, "Leader");

    public static ImplementationCode Implementation => ImplementationCode.FromTrusted(ItemCodeTests.Implementation);

    public static ImplementationRef Item => new(Implementation, 3, new Guid("90000000-0000-0000-0000-000000000009"), RegionCode.FromTrusted("510903000000"));

    public static Applicant Person => Succeeds(Applicant.Person(IdNumber.FromTrusted(TestIds.IdNumber("510903", "19800101", "001")), "张三"));

    /// <summary>A Beijing-time instant: "2026-03-02 10:00" or "2026-03-02 10:00:30".</summary>
    public static DateTimeOffset At(string local) =>
        DateTimeOffset.Parse(local.Replace(' ', 'T') + "+08:00", CultureInfo.InvariantCulture);

    /// <summary>The last tick of a Beijing-time day: where deadlines end.</summary>
    public static DateTimeOffset EndOf(string date) => At(date + " 23:59:59.9999999");

    public static IReadOnlyList<MaterialSpec> ItemMaterials =>
    [
        new(IdCard, "身份证明"),
        new(Lease, "场地证明", DeficiencyAllowed: true, CommitmentAccepted: true),
        new(Plan, "经营方案", DeficiencyAllowed: true),
        new(Photo, "门店照片", Required: false),
    ];

    public static IReadOnlyList<StepPlan> FourSteps =>
    [
        new(Review, "审查", "Approver"),
        new(Fire, "消防会签", "FireReviewer", "会签"),
        new(Ecology, "环保会签", "EnvironmentReviewer", "会签"),
        new(SignOff, "审核", "Leader"),
    ];

    /// <summary>行政许可 item: 20 working days by law, 10 promised.</summary>
    public static CaseTerms Terms => new(CaseTimeLimit.WorkingDays(20), CaseTimeLimit.WorkingDays(10), FourSteps);

    public static CaseTerms CommitmentTerms => Terms with { CommitmentAllowed = true };

    public static FileReference File(string name) =>
        Succeeds(FileReference.Create($"files/{name}", new string('a', 64), 2048, "application/pdf", name));

    public static CaseMaterial Upload(string key) => Succeeds(CaseMaterial.Uploaded(key, File($"{key}.pdf")));

    public static CaseMaterial MissingMark(string key) => Succeeds(CaseMaterial.Missing(key));

    public static CaseNumber NumberOn(DateTimeOffset at, int serial = 1) =>
        Succeeds(CaseNumber.Create(Implementation, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime), serial));

    public static Case Draft(DateTimeOffset at) =>
        Succeeds(Case.StartDraft(Guid.NewGuid(), Item, Person, CaseChannel.Web, Citizen, at));

    /// <summary>Submitted online at <paramref name="at"/>: every required material uploaded except <paramref name="missing"/>, marked missing.</summary>
    public static Case Submitted(DateTimeOffset at, params string[] missing)
    {
        var draft = Draft(at.AddMinutes(-30));
        foreach (var key in new[] { IdCard, Lease, Plan })
        {
            Ok(draft.ProvideMaterial(missing.Contains(key) ? MissingMark(key) : Upload(key), at.AddMinutes(-10)));
        }

        Ok(draft.Submit(NumberOn(at), ItemMaterials, Citizen, at));
        return draft;
    }

    /// <summary>Submitted and accepted at <paramref name="at"/> with every material present.</summary>
    public static Case Accepted(DateTimeOffset at, CaseTerms? terms = null)
    {
        var accepted = Submitted(at);
        Ok(accepted.Accept(terms ?? Terms, Clerk, at, Shipped, Zone));
        return accepted;
    }

    /// <summary>Approves 审查, both 会签 steps and 审核.</summary>
    public static void ApproveAllSteps(Case @case, DateTimeOffset at)
    {
        Ok(@case.ApproveStep(Review, Reviewer, at));
        Ok(@case.ApproveStep(Fire, FireOfficer, at));
        Ok(@case.ApproveStep(Ecology, EnvironmentOfficer, at));
        Ok(@case.ApproveStep(SignOff, Leader, at));
    }

    public static CaseStep Step(Case @case, string key) => @case.Steps.Single(s => s.Key == key);

    public static CaseStepStatus StatusOf(Case @case, string key) => Step(@case, key).Status;

    public static CaseMaterial MaterialOf(Case @case, string key) => @case.Materials.Single(m => m.Key == key);

    public static void Ok(Result result) =>
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : $"Expected success, got {result.Error.Code}: {result.Error.Message}");

    /// <summary>Asserts the rule that failed, its kind, and that its message is Chinese text with the arguments filled in.</summary>
    public static TError Refused<TError>(Result result, string code)
        where TError : Error
    {
        Assert.False(result.IsSuccess, $"Expected '{code}' but the transition succeeded.");
        Assert.Equal(code, result.Error.Code);
        AssertChineseMessage(result.Error);
        return Assert.IsType<TError>(result.Error);
    }

    public static TError Refused<TError, T>(Result<T> result, string code)
        where TError : Error
    {
        Assert.False(result.IsSuccess, $"Expected '{code}' but it succeeded.");
        Assert.Equal(code, result.Error.Code);
        AssertChineseMessage(result.Error);
        return Assert.IsType<TError>(result.Error);
    }

    /// <summary>The Chinese message, as a person reads it.</summary>
    public static string ChineseMessage(Error error)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
            return error.Message;
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
