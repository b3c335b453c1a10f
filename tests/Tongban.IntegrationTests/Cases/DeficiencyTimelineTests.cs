using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.IntegrationTests.Infrastructure;
using static Tongban.IntegrationTests.Cases.IntakeActions;

namespace Tongban.IntegrationTests.Cases;

/// <summary>
/// 容缺受理 and its timeline, driven by the fake clock across the 2026 劳动节 holiday (5月1日-5日) and the
/// 调休 working Saturday 5月9日: accepted Wednesday 4月29日 with 5 working days to supplement (4/30, 5/6,
/// 5/7, 5/8, 5/9), so the supplement deadline is the end of Saturday 5月9日.
/// </summary>
public abstract class DeficiencyTimelineTests(IntakeApp app)
{
    private const string Commitment = "本人承诺在补齐期限内提交营业执照复印件，逾期愿承担不予办理的后果";

    private static IEnumerable<string> Actions(JsonElement shown) =>
        shown.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()!);

    [Fact]
    public async Task AcceptWithDeficiency_BeyondThePromisedLimit_Is422_WithinIt_TheNoticeNamesWhatIsOwedAndBy()
    {
        // The promise is 10 working days from 4月29日 (to 5月15日); 11 working days end 5月18日.
        var number = await AcceptedWithDeficiencyAsync(beforeAccepting: async (clerk, filed) =>
        {
            var tooLong = await clerk.TakeIntakeDecisionAsync(filed, "accept-with-deficiency", new { commitment = Commitment, supplementWorkingDays = 11 });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
            Assert.Equal("case.deficiency-deadline-beyond-promise", await CodeOf(tooLong));
        });

        using var clerk = await app.ApiClientAsync(Clerk);
        var text = await clerk.DocumentTextAsync(number, "deficiency");
        Assert.Contains("容缺受理通知书", text);
        Assert.Contains("营业执照复印件", text);
        Assert.Contains("2026-05-09前", text);
        Assert.Contains(Commitment, text);
        Assert.Contains("本机关决定容缺受理", await clerk.DocumentTextAsync(number, "acceptance"));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/cases/{number}/documents/deficiency-reminder.pdf")).StatusCode);
    }

    [Fact]
    public async Task SupplementedInTime_OnTheMakeUpSaturday_TheCaseProceeds()
    {
        var number = await AcceptedWithDeficiencyAsync();

        // Saturday 5月9日 is a 调休 working day inside the period: the check finds nothing due.
        app.SetBeijing(2026, 5, 9, 12);
        await app.SweepDeficienciesAsync();
        Assert.Equal("acceptedWithDeficiency", await app.StatusAsync(number));
        app.SetBeijing(2026, 5, 9, 16);
        await app.SupplementAsync(number, Citizen);
        app.SetBeijing(2026, 5, 12, 9);
        await app.SweepDeficienciesAsync();

        var shown = await app.ShowAsync(number);
        Assert.Equal("accepted", shown.GetProperty("status").GetString());
        Assert.DoesNotContain("DeficiencyNotifiedAgain", Actions(shown));
    }

    [Fact]
    public async Task NotSupplementedInTime_SecondNoticeWithGraceDeadline_SupplementedWithinGrace_Resumes()
    {
        var number = await AcceptedWithDeficiencyAsync();

        app.SetBeijing(2026, 5, 10, 9);
        await app.SweepDeficienciesAsync();

        var overdue = await app.ShowAsync(number);
        Assert.Equal("deficiencyOverdue", overdue.GetProperty("status").GetString());
        Assert.Equal("Paused", overdue.GetProperty("clock").GetProperty("level").GetString());
        var notice = overdue.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("DeficiencyNotifiedAgain", notice.GetProperty("action").GetString());
        // 15 natural days from 5月10日.
        Assert.Contains("2026-05-25", notice.GetProperty("comment").GetString());
        using (var citizen = await app.ApiClientAsync(Citizen))
        {
            var reminder = await citizen.DocumentTextAsync(number, "deficiency-reminder");
            Assert.Contains("容缺材料补齐再次告知书", reminder);
            Assert.Contains("营业执照复印件", reminder);
            Assert.Contains("2026-05-25前", reminder);
            Assert.Contains("不予办理", reminder);
        }

        app.SetBeijing(2026, 5, 20, 10);
        await app.SupplementAsync(number, Citizen);
        app.SetBeijing(2026, 5, 26, 9);
        await app.SweepDeficienciesAsync();

        var resumed = await app.ShowAsync(number);
        Assert.Equal("accepted", resumed.GetProperty("status").GetString());
        Assert.NotEqual("Paused", resumed.GetProperty("clock").GetProperty("level").GetString());
        Assert.Single(Actions(resumed), "DeficiencyNotifiedAgain");
    }

    [Fact]
    public async Task GracePeriodPassed_TheCaseEndsNotHandled_MaterialsReturned()
    {
        var number = await AcceptedWithDeficiencyAsync();
        app.SetBeijing(2026, 5, 10, 9);
        await app.SweepDeficienciesAsync();
        app.SetBeijing(2026, 5, 25, 17);
        await app.SweepDeficienciesAsync();
        Assert.Equal("deficiencyOverdue", await app.StatusAsync(number));

        app.SetBeijing(2026, 5, 26, 9);
        await app.SweepDeficienciesAsync();

        var shown = await app.ShowAsync(number);
        Assert.Equal("terminated", shown.GetProperty("status").GetString());
        Assert.Equal("不予办理（材料已退回）", shown.GetProperty("statusName").GetString());
        Assert.Contains("申请材料退回", shown.GetProperty("history").EnumerateArray().Last().GetProperty("comment").GetString());
    }

    [Fact]
    public async Task TwoNodesSweepAtOnce_TheSecondNoticeGoesOutOnce()
    {
        var number = await AcceptedWithDeficiencyAsync();
        app.SetBeijing(2026, 5, 10, 9);

        await Task.WhenAll(app.SweepDeficienciesAsync(), app.SweepDeficienciesAsync());

        var shown = await app.ShowAsync(number);
        Assert.Equal("deficiencyOverdue", shown.GetProperty("status").GetString());
        Assert.Single(Actions(shown), "DeficiencyNotifiedAgain");
    }

    /// <summary>A walk-in with the 容缺 material missing, accepted with deficiency on Wednesday 4月29日 for 5 working days.</summary>
    private async Task<string> AcceptedWithDeficiencyAsync(Func<HttpClient, string, Task>? beforeAccepting = null)
    {
        app.SetBeijing(2026, 4, 29, 10);
        var item = await app.PublishIntakeItemAsync("容缺事项" + Guid.NewGuid().ToString("N")[..6]);
        var number = await app.FileAtWindowAsync(item, Citizen, "licence-copy");
        using var clerk = await app.ApiClientAsync(Clerk);
        if (beforeAccepting is not null)
        {
            await beforeAccepting(clerk, number);
        }

        var accepted = await clerk.TakeIntakeDecisionAsync(number, "accept-with-deficiency", new { commitment = Commitment, supplementWorkingDays = 5 });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var view = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acceptedWithDeficiency", view.GetProperty("status").GetString());
        Assert.Equal(new DateOnly(2026, 5, 9), DateOnly.FromDateTime(view.GetProperty("deficiencyDeadline").GetDateTimeOffset().ToOffset(Beijing).DateTime));
        return number;
    }
}

public sealed class DeficiencyTimelineTestsOnSqlite(IntakeSqliteApp app) : DeficiencyTimelineTests(app), IClassFixture<IntakeSqliteApp>;

public sealed class DeficiencyTimelineTestsOnPostgres(IntakePostgresApp app) : DeficiencyTimelineTests(app), IClassFixture<IntakePostgresApp>;
