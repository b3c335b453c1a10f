namespace Tongban.Modules.Evaluation.Features.Shared;

/// <summary>Configuration <c>Tongban:Evaluation</c> for giving ratings: the reason tags offered, the sweep interval, how long an SMS link lasts.</summary>
public sealed class RatingOptions
{
    /// <summary>The reason tags the forms offer as checkboxes (the API accepts any, within the domain's limits).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The reminder and default sweep runs this often.</summary>
    public int SweepSeconds { get; set; } = 300;

    /// <summary>An SMS link lasts this many days when the city configured no default (otherwise it lasts until the default applies).</summary>
    public int LinkDaysWithoutDefault { get; set; } = 30;

    /// <summary>The platform's public address, which the SMS link starts with.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>What the forms offer when nothing is configured (GB/T 39735 style reasons).</summary>
    public static IReadOnlyList<string> DefaultTags { get; } =
        ["办事效率高", "服务态度好", "材料要求清楚", "等候时间长", "多次跑动", "材料要求不清", "态度不好", "系统操作不便"];

    public IReadOnlyList<string> OfferedTags => Tags.Count > 0 ? Tags : DefaultTags;
}
