using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>Tells a bundle's applicant that the whole 一件事 is finished (SMS, app push ...): the notification hook, called once per bundle case.</summary>
public interface IBundleNotifier
{
    Task FinishedAsync(BundleCase bundleCase, CancellationToken cancellationToken);
}

/// <summary>No messaging channel connected: a log line per notification, without personal data.</summary>
internal sealed partial class LoggingBundleNotifier(ILogger<LoggingBundleNotifier> logger) : IBundleNotifier
{
    public Task FinishedAsync(BundleCase bundleCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundleCase);
        Log(logger, bundleCase.Number.Value, bundleCase.Status);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bundle case {BundleCase}: applicant notified that it is finished ({Status})")]
    private static partial void Log(ILogger logger, string bundleCase, BundleCaseStatus status);
}
