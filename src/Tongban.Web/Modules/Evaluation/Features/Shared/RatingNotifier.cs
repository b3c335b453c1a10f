using Tongban.Domain.Evaluation;

namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>Sends the invitation (and its reminder) to the applicant as an SMS text with the link: the messaging hook.</summary>
public interface IRatingNotifier
{
    Task InviteAsync(RatingInvitation invitation, string smsText, bool reminder, CancellationToken cancellationToken);
}

/// <summary>
/// No SMS gateway connected: a log line per message, without the text (the link in it lets anyone rate in
/// the applicant's name). The applicant still sees the invitation with the same text on /me.
/// </summary>
internal sealed partial class LoggingRatingNotifier(ILogger<LoggingRatingNotifier> logger) : IRatingNotifier
{
    public Task InviteAsync(RatingInvitation invitation, string smsText, bool reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        Log(logger, invitation.CaseNumber, invitation.Stage, reminder);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "好差评 invitation for case {CaseNumber} ({Stage}) sent to the applicant (reminder: {Reminder})")]
    private static partial void Log(ILogger logger, string caseNumber, RatingStage stage, bool reminder);
}

/// <summary>The text of the invitation SMS and of the notice on /me.</summary>
public static class InvitationTexts
{
    public static string Sms(RatingInvitation invitation, string link, bool reminder)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return (reminder ? "【通办】提醒：" : "【通办】") + $"您的办件 {invitation.CaseNumber} 已办结，请对办理情况作出评价：{link}";
    }
}
