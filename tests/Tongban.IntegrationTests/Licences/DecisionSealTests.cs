using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Licences;
using Tongban.IntegrationTests.Cases;
using Tongban.IntegrationTests.Infrastructure;
using Tongban.IntegrationTests.Platform;
using Tongban.Modules.Licences.Seals;
using Tongban.Platform;
using static Tongban.IntegrationTests.Cases.BackOfficeActions;

namespace Tongban.IntegrationTests.Licences;

/// <summary>A decision document carries the deciding department's seal: a QR code anyone can check.</summary>
public abstract class DecisionSealTests(TongbanApp app)
{
    [Fact]
    public async Task ApprovalDecision_HasAQrCode_WhosePayloadTheDepartmentsSealSigned()
    {
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);
        await ExpectOkAsync(await approver.DecideAsync(number, "approve"));

        var (text, payload) = await DecisionAsync(number);

        Assert.Contains("准予行政许可决定书", text, StringComparison.Ordinal);
        Assert.Contains("扫码核验", text, StringComparison.Ordinal);
        Assert.Equal(PayloadKind.Decision, payload.Claims.Kind);
        Assert.Equal(number, payload.Claims.Id);
        Assert.Equal("准予行政许可", payload.Claims.Fields["决定"]);
        Assert.Equal(app.Services.GetRequiredService<CityClock>().Today, payload.Claims.From);
        Assert.Equal(SignatureCheck.Valid, await CheckAsync(payload));
    }

    [Fact]
    public async Task DenialDecision_IsSealedToo_AndSaysItDenies()
    {
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);
        await ExpectOkAsync(await approver.DecideAsync(number, "deny", "场地不符合安全条件", "《行政许可法》第三十八条第二款"));

        var (text, payload) = await DecisionAsync(number);

        Assert.Contains("不予行政许可决定书", text, StringComparison.Ordinal);
        Assert.Equal("不予行政许可", payload.Claims.Fields["决定"]);
        Assert.Equal(SignatureCheck.Valid, await CheckAsync(payload));
    }

    [Fact]
    public async Task EveryCopy_CarriesTheSameSignature_SealedOnceAtTheDecision()
    {
        var number = await app.AcceptedCaseAsync();
        using var approver = await app.ApiClientAsync(Approver);
        await approver.ApproveAllStepsAsync(number);
        await ExpectOkAsync(await approver.DecideAsync(number, "approve"));

        var first = await QrTextAsync(number);
        Assert.Equal(first, await QrTextAsync(number));
    }

    /// <summary>The applicant downloads the decision; its text and the payload its QR code holds.</summary>
    private async Task<(string Text, ParsedPayload Payload)> DecisionAsync(string number)
    {
        var pdf = await PdfAsync(number);
        var qr = Assert.Single(await PdfTools.QrCodesAsync(pdf));
        Assert.StartsWith("http://localhost:5080/v/", qr, StringComparison.Ordinal);
        return (await PdfTools.TextAsync(pdf), SignedPayload.Parse(qr).Value);
    }

    private async Task<string> QrTextAsync(string number) => Assert.Single(await PdfTools.QrCodesAsync(await PdfAsync(number)));

    private async Task<byte[]> PdfAsync(string number)
    {
        using var citizen = await app.ApiClientAsync(Citizen);
        var response = await citizen.GetAsync($"/cases/{number}/documents/decision.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<SignatureCheck> CheckAsync(ParsedPayload payload)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SealBook>().CheckAsync(payload, CancellationToken.None);
    }
}

public sealed class DecisionSealTestsOnSqlite(SqliteApp app) : DecisionSealTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionSealTestsOnPostgres(PostgresApp app) : DecisionSealTests(app), IClassFixture<PostgresApp>;
