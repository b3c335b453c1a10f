using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Domain.Primitives.Calendar;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Bundles.BundleActions;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Bundles;

/// <summary>
/// 企业开办一件事 and 身后一件事 end to end through the API: members filed as their predecessors' results exist,
/// one set of notices (受理回执, 办结通知书), the applicant told once that the bundle is finished.
/// </summary>
public abstract class LifeEventBundleTests(TongbanApp app)
{
    [Fact]
    public async Task Business_CompanyThenSealTaxAndSocialInsurance_WithTheLicenceFlowingIn_FourResultsOnOneNotice()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var (values, submitted) = await citizen.SubmitBundleAsync("business", new Dictionary<string, string> { ["agent"] = "self", ["preApproval"] = "no" });
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        var submittedOn = LocalDate(submitted.GetProperty("submittedAt"));
        Assert.Equal(WorkingCalendar.LoadShipped().AddWorkingDays(submittedOn, 1), LocalDate(submitted.GetProperty("promisedBy")));
        var company = CaseOf(submitted, "company")!;
        Assert.All(new[] { "seal", "tax", "social-insurance" }, key => Assert.Null(CaseOf(submitted, key)));

        var receipt = await citizen.BundleDocumentTextAsync(number, "receipt");
        Assert.Contains("企业开办一件事", receipt, StringComparison.Ordinal);
        Assert.Contains(company, receipt, StringComparison.Ordinal);
        Assert.Contains("待前序办结后自动申请", receipt, StringComparison.Ordinal);
        Assert.Contains(LocalDate(submitted.GetProperty("promisedBy")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), receipt, StringComparison.Ordinal);

        await app.HandleToResultAsync(company);
        var licence = (await citizen.CaseAsync(company)).GetProperty("licenceId").GetString()!;
        Assert.False(string.IsNullOrEmpty(licence));
        var view = await citizen.BundleCaseAsync(number);
        Assert.Equal("inProgress", view.GetProperty("status").GetString());
        var dependants = new[] { "seal", "tax", "social-insurance" }.ToDictionary(k => k, k => CaseOf(view, k)!);
        foreach (var dependant in dependants.Values)
        {
            var filed = await citizen.CaseAsync(dependant);
            var businessLicence = filed.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "businessLicence");
            Assert.Equal(("HeldLicence", licence), (businessLicence.GetProperty("route").GetString()!, businessLicence.GetProperty("reference").GetString()));
            Assert.Equal(values["enterpriseName"], filed.GetProperty("formValues").GetProperty("enterpriseName").GetString());
        }

        Assert.DoesNotContain("一件事办结通知书", DocumentNames(view));
        foreach (var dependant in dependants.Values)
        {
            await app.HandleToResultAsync(dependant);
        }

        view = await citizen.BundleCaseAsync(number);
        Assert.Equal("completed", view.GetProperty("status").GetString());
        Assert.Contains("一件事办结通知书", DocumentNames(view));
        var completion = await citizen.BundleDocumentTextAsync(number, "completion");
        Assert.Contains(licence, completion, StringComparison.Ordinal);
        Assert.All(dependants.Values.Append(company), c => Assert.Contains(c, completion, StringComparison.Ordinal));
        Assert.Equal(4, CountOf(completion, "已办成"));
        Assert.Equal(1, await app.FinishedNotificationsAsync(number));

        // The lead department (市场监管局) reads the notices too; another department's staff do not.
        using (var lead = await app.ApiClientAsync("SN-APPROVER"))
        {
            Assert.Contains(licence, await lead.BundleDocumentTextAsync(number, "completion"), StringComparison.Ordinal);
        }

        using (var other = await app.ApiClientAsync("SN-WJW-APPROVER"))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync($"/bundle-cases/{number}/documents/completion.pdf")).StatusCode);
        }

        // Observed again as results are delivered and cases completed: still told once.
        using var approver = await app.ApiClientAsync(ApproverOf(company));
        await ExpectOkAsync(await approver.DeliverAsync(company, "electronic"));
        Assert.Equal(1, await app.FinishedNotificationsAsync(number));
    }

    [Fact]
    public async Task AfterDeath_HouseholdCancellationDenied_BlocksWhatWaitsForIt_TheBundleIsPartlyCompleted()
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var (_, submitted) = await citizen.SubmitBundleAsync("after-death");
        var number = submitted.GetProperty("bundleCaseNumber").GetString()!;
        var death = CaseOf(submitted, "death-certificate")!;
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());

        await app.HandleToResultAsync(death);
        var view = await citizen.BundleCaseAsync(number);
        var household = CaseOf(view, "household-cancellation")!;
        var funeral = CaseOf(view, "funeral")!;
        Assert.Equal(death, (await citizen.CaseAsync(household)).GetProperty("formValues").GetProperty("deathCertificateCaseNumber").GetString());
        Assert.Null(CaseOf(view, "pension"));

        await app.DenyAsync(household, "申报人与逝者关系无法核实");
        view = await citizen.BundleCaseAsync(number);
        Assert.Equal("inProgress", view.GetProperty("status").GetString());
        Assert.All(new[] { "pension", "medical-insurance" }, key =>
        {
            Assert.True(Member(view, key).GetProperty("blocked").GetBoolean());
            Assert.Null(CaseOf(view, key));
        });
        Assert.False(Member(view, "funeral").GetProperty("blocked").GetBoolean());
        Assert.Equal(0, await app.FinishedNotificationsAsync(number));

        await app.HandleToResultAsync(funeral);
        view = await citizen.BundleCaseAsync(number);
        Assert.Equal("partlyCompleted", view.GetProperty("status").GetString());
        Assert.Contains("一件事办结通知书", DocumentNames(view));
        var completion = await citizen.BundleDocumentTextAsync(number, "completion");
        Assert.Contains("申报人与逝者关系无法核实", completion, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(completion, "未能申请"));
        Assert.Equal(2, CountOf(completion, "已办成"));
        Assert.Equal(1, await app.FinishedNotificationsAsync(number));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

public sealed class LifeEventBundleTestsOnSqlite(SqliteApp app) : LifeEventBundleTests(app), IClassFixture<SqliteApp>;

public sealed class LifeEventBundleTestsOnPostgres(PostgresApp app) : LifeEventBundleTests(app), IClassFixture<PostgresApp>;
