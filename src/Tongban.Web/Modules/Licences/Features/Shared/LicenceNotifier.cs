using Tongban.Domain.Licences;

namespace Tongban.Modules.Licences.Features.Shared;

/// <summary>What the holder is told about.</summary>
public enum LicenceNotice
{
    Issued,
    Superseded,
    Suspended,
    Reinstated,
    Revoked,
}

/// <summary>Tells a licence's holder that it was issued or changed status (SMS, app push ...): the notification hook.</summary>
public interface ILicenceNotifier
{
    Task NotifyAsync(Licence licence, LicenceNotice notice, CancellationToken cancellationToken);
}

/// <summary>No messaging channel connected: a log line per notification, without personal data.</summary>
internal sealed partial class LoggingLicenceNotifier(ILogger<LoggingLicenceNotifier> logger) : ILicenceNotifier
{
    public Task NotifyAsync(Licence licence, LicenceNotice notice, CancellationToken cancellationToken)
    {
        Log(logger, licence.Identifier.Value, notice);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Licence {Identifier}: holder notified ({Notice})")]
    private static partial void Log(ILogger logger, string identifier, LicenceNotice notice);
}
