using Tongban.IntegrationTests.Infrastructure;
using Tongban.Platform;

namespace Tongban.IntegrationTests.Licences;

/// <summary><c>licence verify --jwks</c>: a payload verified with nothing but the published JWKS file, as anyone offline would.</summary>
public abstract class OfflineVerificationTests(TongbanApp app) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tongban-jwks-").FullName;

    [Fact]
    public async Task TheCli_VerifiesAGenuinePayloadOffline_AndRejectsATamperedOne()
    {
        var type = await app.DefineTestTypeAsync();
        var identifier = await app.IssueToCitizenAsync(type, 0);
        var payload = (await app.StoredLicenceAsync(identifier)).Payload;
        var jwks = await SaveJwksAsync();

        var (valid, output) = Run("--jwks", jwks, payload);
        Assert.Equal(0, valid);
        Assert.Equal("valid", LastLine(output));
        Assert.Contains(identifier.Value, output, StringComparison.Ordinal);
        Assert.Contains("张*", output, StringComparison.Ordinal);
        Assert.Contains("市市场监督管理局", output, StringComparison.Ordinal);

        Assert.Equal(0, Run("--jwks", jwks, $"https://tongban.example/v/{payload}").ExitCode);

        var (tampered, tamperedOutput) = Run("--jwks", jwks, VerificationActions.WithBodyValue(payload, "u", _ => "20991231"));
        Assert.Equal(1, tampered);
        Assert.Equal("invalid-signature", LastLine(tamperedOutput));
        Assert.Equal(1, Run("--jwks", jwks, VerificationActions.WithFlippedSignatureBit(payload)).ExitCode);
    }

    [Fact]
    public async Task TheCli_AnswersInvalidSignature_ForAKeyTheJwksDoesNotList()
    {
        var type = await app.DefineTestTypeAsync();
        var payload = (await app.StoredLicenceAsync(await app.IssueToCitizenAsync(type, 0))).Payload;
        var empty = Path.Combine(_directory, "empty.json");
        await File.WriteAllTextAsync(empty, "{\"keys\":[]}");

        var (code, output) = Run("--jwks", empty, payload);

        Assert.Equal(1, code);
        Assert.Equal("invalid-signature", LastLine(output));
        Assert.Contains("No key with kid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCli_WithoutAKeyFile_PrintsTheUsage()
    {
        var (code, output) = Run("some-payload");

        Assert.Equal(2, code);
        Assert.Contains("usage: licence verify --jwks", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<string> SaveJwksAsync()
    {
        using var anonymous = app.CreateClient();
        var path = Path.Combine(_directory, "jwks.json");
        await File.WriteAllTextAsync(path, await anonymous.GetStringAsync("/.well-known/jwks.json"));
        return path;
    }

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        var code = Cli.VerifyLicenceOffline(args, output);
        return (code, output.ToString());
    }

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].Trim();
}

public sealed class OfflineVerificationTestsOnSqlite(SqliteApp app) : OfflineVerificationTests(app), IClassFixture<SqliteApp>;

public sealed class OfflineVerificationTestsOnPostgres(PostgresApp app) : OfflineVerificationTests(app), IClassFixture<PostgresApp>;
