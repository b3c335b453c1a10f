using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Domain.Cases;
using Tongban.IntegrationTests.Infrastructure;

namespace Tongban.IntegrationTests.Cases;

public abstract class ApplyApiTests(TongbanApp app)
{
    private static string Citizen => Actors.CitizenLogin(0);

    [Fact]
    public async Task ApplyThroughTheApi_UploadThenSubmit_CaseIsSubmittedWithTodaysNumber()
    {
        var item = await app.PublishApplicableItemAsync("网申事项" + Guid.NewGuid().ToString("N")[..6]);
        using var client = await app.ApiClientAsync(Citizen);
        var fileId = await client.UploadAsync(ApplyActions.Pdf, "申请书.pdf");

        var response = await client.SubmitAsync(ApplyActions.Application(item, Citizen, fileId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var number = submitted.GetProperty("caseNumber").GetString()!;
        Assert.Equal(43, number.Length);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        Assert.StartsWith(item.Value + today.ToString("yyyyMMdd", CultureInfo.InvariantCulture), number, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/cases/{number}", response.Headers.Location?.ToString());
        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{number}");
        Assert.Equal("submitted", shown.GetProperty("status").GetString());
        Assert.Equal("MobileApi", shown.GetProperty("channel").GetString());
        Assert.Equal(["Uploaded", "Commitment"], shown.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("route").GetString()));
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/cases");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), c => c.GetProperty("caseNumber").GetString() == number);
    }

    [Fact]
    public async Task SubmitTwice_WithTheSameKey_CreatesOneCase_AndAnotherKeyCreatesASecond()
    {
        var item = await app.PublishApplicableItemAsync("幂等事项" + Guid.NewGuid().ToString("N")[..6]);
        using var client = await app.ApiClientAsync(Citizen);
        var fileId = await client.UploadAsync(ApplyActions.Pdf, "a.pdf");
        var application = ApplyActions.Application(item, Citizen, fileId);

        var first = await client.SubmitAsync(application, "key-1");
        var again = await client.SubmitAsync(application, "key-1");
        var other = await client.SubmitAsync(application, "key-2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var number = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString();
        Assert.Equal(number, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString());
        Assert.NotEqual(number, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString());
        Assert.Equal(2, await CasesOfAsync(item.Value));
    }

    [Fact]
    public async Task TwentyConcurrentSubmissions_GetDistinctConsecutiveSerials()
    {
        var item = await app.PublishApplicableItemAsync("并发事项" + Guid.NewGuid().ToString("N")[..6]);
        using var client = await app.ApiClientAsync(Citizen);
        var fileId = await client.UploadAsync(ApplyActions.Pdf, "a.pdf");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SubmitAsync(ApplyActions.Application(item, Citizen, fileId))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var serials = new List<int>();
        foreach (var response in responses)
        {
            var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
            serials.Add(int.Parse(number[^4..], CultureInfo.InvariantCulture));
        }

        Assert.Equal(Enumerable.Range(1, 20), serials.Order());
    }

    [Fact]
    public async Task Upload_JudgesByContent_PngNamedPdfIsPng_ExeNamedPdfIsRejected()
    {
        using var client = await app.ApiClientAsync(Citizen);

        var png = await client.PostFileAsync(ApplyActions.Png, "photo.pdf");
        var exe = await client.PostFileAsync("MZ\u0090\0\u0003\0\0\0"u8.ToArray(), "setup.pdf");

        Assert.Equal(HttpStatusCode.Created, png.StatusCode);
        Assert.Equal("image/png", (await png.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exe.StatusCode);
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_IsRejected()
    {
        using var client = await app.ApiClientAsync(Citizen);
        var big = new byte[(10 * 1024 * 1024) + 1];
        ApplyActions.Pdf.CopyTo(big, 0);

        var response = await client.PostFileAsync(big, "big.pdf");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Submit_WithoutARequiredMaterial_Or_WithABadIdNumber_Is422_AndStoresNothing()
    {
        var item = await app.PublishApplicableItemAsync("缺件事项" + Guid.NewGuid().ToString("N")[..6]);
        using var client = await app.ApiClientAsync(Citizen);
        var fileId = await client.UploadAsync(ApplyActions.Pdf, "a.pdf");

        var missing = await client.SubmitAsync(ApplyActions.Application(item, Citizen, null));
        var badId = await client.SubmitAsync(ApplyActions.Application(item, Citizen, fileId, idNumberField: "510903199003071235"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("申请书", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badId.StatusCode);
        Assert.Equal("idNumber", (await badId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(0, await CasesOfAsync(item.Value));
    }

    [Fact]
    public async Task CitizenA_CannotReadOrListCitizenBsCase()
    {
        var item = await app.PublishApplicableItemAsync("隔离事项" + Guid.NewGuid().ToString("N")[..6]);
        using var owner = await app.ApiClientAsync(Citizen);
        var fileId = await owner.UploadAsync(ApplyActions.Pdf, "a.pdf");
        var number = (await (await owner.SubmitAsync(ApplyActions.Application(item, Citizen, fileId))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString();
        using var other = await app.ApiClientAsync(Actors.CitizenLogin(1));

        var read = await other.GetAsync($"/api/v1/cases/{number}");
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/me/cases");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("caseNumber").GetString() == number);
    }

    [Fact]
    public async Task StaffToken_CannotSubmitAsAnApplicant()
    {
        var item = await app.PublishApplicableItemAsync("职员事项" + Guid.NewGuid().ToString("N")[..6]);
        using var staff = await app.ApiClientAsync("ADMIN");

        var response = await staff.SubmitAsync(ApplyActions.Application(item, Citizen, null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await CasesOfAsync(item.Value));
    }

    private Task<int> CasesOfAsync(string implementationCode) =>
        app.WithDbAsync(db => db.Set<Case>().CountAsync(c => c.ImplementationCode == Domain.Primitives.ImplementationCode.FromTrusted(implementationCode)));
}

public sealed class ApplyApiOnSqlite(SqliteApp app) : ApplyApiTests(app), IClassFixture<SqliteApp>;

public sealed class ApplyApiOnPostgres(PostgresApp app) : ApplyApiTests(app), IClassFixture<PostgresApp>;
