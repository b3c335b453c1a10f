namespace Tongban.Modules.Supervision.Features.Warnings;

/// <summary>预警推送 (Tongban:Supervision:Warnings).</summary>
public sealed class WarningOptions
{
    public const string Section = "Tongban:Supervision:Warnings";

    /// <summary>How often the sweep looks for cases that turned yellow or red.</summary>
    public int SweepMinutes { get; set; } = 15;
}
