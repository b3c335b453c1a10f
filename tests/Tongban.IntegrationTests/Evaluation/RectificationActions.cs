using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Evaluation;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.Modules.Evaluation.Features.Shared;
using Tongban.Modules.Evaluation.Persistence;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Evaluation;

/// <summary>Intent helpers for 差评整改: a rating recorded as the rating code records one, and the work order's actions through the API.</summary>
public static class RectificationActions
{
    public const string Supervisor = "SN-SUPERVISOR";
    public const string Department = "SN-APPROVER";

    /// <summary>
    /// Records a rating of a case stage of the item through the one recording path every channel uses (its
    /// hooks open the 差评's work order), by a real-name citizen or anonymously; answers the rating's id.
    /// </summary>
    public static async Task<Guid> RecordRatingAsync(this TongbanApp app, ImplementationCode item, int level, string? raterLogin)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var rater = Rater.Anonymous;
        if (raterLogin is not null)
        {
            var account = await services.GetRequiredService<Tongban.Platform.Persistence.TongbanDbContext>().Set<Account>()
                .SingleAsync(a => a.LoginName == raterLogin.ToUpperInvariant());
            rater = new Rater(account.Id, account.DisplayName, "13800001234");
        }

        var caseNumber = item.Value + "20260930" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rating = Rating.Give(
            new RatingSubject(RatingSubjectKind.Case, caseNumber), RatingStage.Completion,
            new RatingScope(RegionCode.FromTrusted("510900000000"), DemoCity.MarketRegulation, item.Value),
            level, ["办理时间长"], "窗口人员解释不清楚", RatingChannel.Web, rater, app.Clock.GetUtcNow()).Value;
        Assert.True((await services.GetRequiredService<RatingRecorder>().RecordAsync(rating, null, CancellationToken.None)).IsSuccess);
        return rating.Id;
    }

    /// <summary>A 差评 recorded; answers its work order's id.</summary>
    public static async Task<Guid> BadRatingOrderAsync(this TongbanApp app, ImplementationCode item, string? raterLogin)
    {
        var rating = await app.RecordRatingAsync(item, 1, raterLogin);
        return await app.WithDbAsync(db => db.Set<Rectification>().Where(r => r.RatingId == rating).Select(r => r.Id).SingleAsync());
    }

    public static Task<HttpResponseMessage> VisitAsync(this HttpClient client, Guid order, string note, int? version = null) =>
        client.PostAsJsonAsync($"/api/v1/backoffice/rectifications/{order}/visit", new { note, expectedVersion = version });

    public static Task<HttpResponseMessage> RectifyAsync(this HttpClient client, Guid order, string measures, int? version = null) =>
        client.PostAsJsonAsync($"/api/v1/backoffice/rectifications/{order}/rectify", new { measures, expectedVersion = version });

    public static Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, Guid order, bool satisfied, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/me/rectifications/{order}/confirmation", new { satisfied, comment });

    public static Task<HttpResponseMessage> CheckAsync(this HttpClient client, Guid order, bool close, string? note = null) =>
        client.PostAsJsonAsync($"/api/v1/supervision/rectifications/{order}/check", new { close, note });

    public static Task<HttpResponseMessage> AppealAsync(this HttpClient client, Guid order, string ground, string reason) =>
        client.PostAsJsonAsync($"/api/v1/backoffice/rectifications/{order}/appeal", new { ground, reason });

    public static Task<HttpResponseMessage> ReviewAsync(this HttpClient client, Guid order, bool upheld, string publicReason) =>
        client.PostAsJsonAsync($"/api/v1/supervision/rectifications/{order}/appeal-review", new { upheld, publicReason });

    public static string State(this JsonElement order) => order.GetProperty("state").GetString()!;
}
