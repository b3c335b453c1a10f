using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Files;
using Tongban.Modules.Cases.Persistence;
using Tongban.Modules.Catalog;
using Tongban.Modules.Identity;
using Tongban.Platform;
using Tongban.Platform.Demo;
using Tongban.Platform.Documents;

namespace Tongban.Modules.Cases.Features.SeedDemo;

/// <summary>Whether the demo city also gets cases in progress (on by default with the demo; the tests turn it off to start empty).</summary>
public sealed class DemoCasesOptions
{
    public const string Section = "Tongban:DemoCases";

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Cases in progress for the demo city, so the window and the back office have work on first start: walk-ins
/// filed at the city and 蓬溪县 halls (one 帮办代办 for an elderly applicant), one left past the 5-working-day
/// intake period, and one accepted and reviewed, waiting for its 会签. Their materials are small PDFs in the
/// file store. Skipped when any case exists.
/// </summary>
internal sealed class CasesDemoSeed(
    CaseStore cases, ICatalog catalog, IPeopleDirectory people, IStaffDirectory staff, IFileStore files, PdfDocumentWriter pdf,
    CityClock clock, WorkingCalendar calendar, IOptions<DemoCasesOptions> options) : IDemoSeed
{
    private const string CityFoodLicence = "11510900MB1A00036T3000126002000";
    private const string PengxiFoodLicence = "11510921MB1C00011U4000126002000";
    private const string CityCompanyRegistration = "11510900MB1A00036T3000126001000";

    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await cases.Cases.AnyAsync(cancellationToken))
        {
            return;
        }

        var cityClerk = await ActorAsync("SN-CLERK", Role.WindowClerk, cancellationToken);
        var countyClerk = await ActorAsync("PX-CLERK", Role.WindowClerk, cancellationToken);
        var approver = await ActorAsync("SN-APPROVER", Role.Approver, cancellationToken);

        // 王秀英, 70, brought by her daughter's note to the 蓬溪县 hall: the clerk files for her (帮办代办).
        var elderly = DemoCity.IdNumberFor(DemoCity.Citizens[1]);
        var assisted = AssistedFiling.Create(countyClerk.AccountId, "王秀英（老年人，由窗口帮办）", "本人同意由窗口工作人员代为填报并提交申请。", null).Value;
        await FileAsync(PengxiFoodLicence, await PersonAsync(elderly, cancellationToken), countyClerk, clock.UtcNow.AddMinutes(-30), assisted, cancellationToken);

        // 李强's walk-in left unanswered for six working days: the queue flags it 逾期视为受理.
        await FileAsync(CityFoodLicence, await PersonAsync(DemoCity.IdNumberFor(DemoCity.Citizens[2]), cancellationToken), cityClerk, WorkingDaysAgo(6, 15), null, cancellationToken);

        // 遂宁市南津科技有限公司 registers a company, filed yesterday by its agent at the city hall.
        var enterprise = DemoCity.Enterprises[0];
        var uscc = DemoCity.UsccFor("91", enterprise.RegionCode, enterprise.OrganisationCodeBody);
        var company = await people.FindEnterpriseAsync(uscc, cancellationToken) ?? throw new InvalidOperationException("Demo enterprise missing.");
        await FileAsync(CityCompanyRegistration, Applicant.Organisation(uscc, company.Name).Value, cityClerk, WorkingDaysAgo(1, 9), null, cancellationToken);

        // 张伟's food licence, accepted seven working days ago and reviewed: the 会签 sections are next.
        // Its e-form names the 个体工商户 the licence will be issued for when it is approved.
        var zhangWei = DemoCity.Citizens[0];
        var reviewed = await FileAsync(CityFoodLicence, await PersonAsync(DemoCity.IdNumberFor(zhangWei), cancellationToken), cityClerk, WorkingDaysAgo(8, 10), null, cancellationToken, new Dictionary<string, string>
        {
            ["enterpriseName"] = "遂宁市船山区张伟小吃店",
            ["enterpriseUscc"] = DemoCity.UsccFor("92", "510903", "MA6DEM03").Value,
            ["legalRepresentative"] = zhangWei.Name,
            ["contactPhone"] = zhangWei.Phone,
            ["businessType"] = "餐饮服务经营者（小型餐饮）",
            ["premisesAddress"] = zhangWei.Address,
            ["operatingItems"] = "热食类食品制售",
        });
        var published = (await catalog.FindPublishedAsync(reviewed.ImplementationCode, reviewed.ImplementationVersion, cancellationToken))!;
        Succeed(reviewed.Accept(CaseTermsOf.From(published.Content), cityClerk, WorkingDaysAgo(7, 9), calendar, clock.Zone));
        Succeed(reviewed.ApproveStep("review", approver, WorkingDaysAgo(5, 16), "材料齐全，符合法定条件"));
        await cases.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A walk-in filed at the window with every material of the list scanned, received at <paramref name="at"/>.</summary>
    private async Task<Case> FileAsync(string code, Applicant applicant, CaseActor clerk, DateTimeOffset at, AssistedFiling? assisted, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? formValues = null)
    {
        var published = await catalog.FindPublishedAsync(ImplementationCode.FromTrusted(code), null, cancellationToken)
            ?? throw new InvalidOperationException($"Demo item {code} is not published.");
        var @case = Succeed(Case.StartDraft(Guid.CreateVersion7(), new ImplementationRef(published.Code, published.Version, published.DepartmentId, published.Region),
            applicant, CaseChannel.Window, clerk, at, assisted));
        var materials = Succeed(MaterialList.For(published.Content, new Dictionary<string, string>()));
        if (formValues is not null)
        {
            Succeed(@case.SaveDraft(new Dictionary<string, string>(), formValues, at));
        }

        foreach (var material in materials.Where(m => m.Necessity == MaterialNecessity.Required))
        {
            Succeed(@case.ProvideMaterial(Succeed(CaseMaterial.Uploaded(material.Key, await ScanAsync(material.Name, applicant, cancellationToken))), at));
        }

        await using var transaction = await cases.BeginTransactionAsync(cancellationToken);
        var number = Succeed(await cases.NextNumberAsync(published.Code, clock.DayOf(at), cancellationToken));
        Succeed(@case.Submit(number, ApplicationAssembly.SpecsOf(materials), clerk, at));
        cases.Add(@case);
        await catalog.RecordCaseStartedAsync(published.Code, clock.DayOf(at), cancellationToken);
        await cases.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return @case;
    }

    /// <summary>A one-page PDF standing for the scanned paper.</summary>
    private Task<FileReference> ScanAsync(string materialName, Applicant applicant, CancellationToken cancellationToken) =>
        DemoScan.SaveAsync(pdf, files, materialName, $"申请人：{applicant.Name}（演示材料）", cancellationToken);

    private async Task<Applicant> PersonAsync(IdNumber idNumber, CancellationToken cancellationToken)
    {
        var person = await people.FindPersonAsync(idNumber, cancellationToken) ?? throw new InvalidOperationException("Demo person missing.");
        return Applicant.Person(idNumber, person.Name).Value;
    }

    private async Task<CaseActor> ActorAsync(string employeeId, Role role, CancellationToken cancellationToken) =>
        new((await staff.FindAsync(employeeId, cancellationToken) ?? throw new InvalidOperationException($"Demo staff {employeeId} missing.")).AccountId, role.ToString());

    /// <summary>The <paramref name="workingDays"/>-th working day before today (at least one, so always past), at that hour, city time.</summary>
    private DateTimeOffset WorkingDaysAgo(int workingDays, int hour)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = clock.Today;
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                left--;
            }
        }

        return clock.InstantOf(day, new TimeOnly(hour, 0));
    }

    private static T Succeed<T>(Result<T> result) => result.TryGet(out var value, out var error) ? value : throw new InvalidOperationException("Demo case: " + error.Code);

    private static void Succeed(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Demo case: " + result.Error!.Code);
        }
    }
}
