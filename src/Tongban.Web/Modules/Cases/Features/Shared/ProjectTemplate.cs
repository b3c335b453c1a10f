using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Features.Shared;

/// <summary>
/// One approval item of a 工程建设项目 stage (Tongban:Projects:Stages): its key in the project, the
/// implementation (实施编码) filed for it, and the material of that item the stage's one set of drawings
/// satisfies (none when the item asks for no drawings).
/// </summary>
public sealed class ProjectItemTemplate
{
    public string Key { get; set; } = "";
    public string Implementation { get; set; } = "";
    public string? DrawingsMaterial { get; set; }
}

/// <summary>
/// The items each stage of a 工程建设项目 runs in parallel (Tongban:Projects). The defaults are 遂宁's city
/// implementations: 用地预审与选址 and 建设用地规划许可 (自然资源和规划局); 建设工程规划许可 and 施工图审查备案
/// (自然资源和规划局 + 住建局, 多审合一 on one set of drawings); 建筑工程施工许可 (住建局); 竣工联合验收 (住建局
/// 牵头). A stage whose items span several departments plans a 联合踏勘 of them; 竣工验收 always plans a
/// 联合验收 of every department of the project.
/// </summary>
public sealed class ProjectTemplateOptions
{
    public const string Section = "Tongban:Projects";

    public Dictionary<ProjectStage, List<ProjectItemTemplate>> Stages { get; set; } = [];

    /// <summary>The configured stages, or the demo city's when none are configured.</summary>
    public IReadOnlyDictionary<ProjectStage, List<ProjectItemTemplate>> StagesOrDefault() => Stages.Count > 0 ? Stages : Default;

    public static IReadOnlyDictionary<ProjectStage, List<ProjectItemTemplate>> Default { get; } = new Dictionary<ProjectStage, List<ProjectItemTemplate>>
    {
        [ProjectStage.LandUsePlanning] =
        [
            new() { Key = "site-selection", Implementation = "11510900MB1A00044M3000104002000", DrawingsMaterial = "sitePlan" },
            new() { Key = "land-use-planning", Implementation = "11510900MB1A00044M3000104003000" },
        ],
        [ProjectStage.ConstructionWorksPermit] =
        [
            new() { Key = "works-planning", Implementation = "11510900MB1A00044M3000104001000", DrawingsMaterial = "designScheme" },
            new() { Key = "drawing-review", Implementation = "11510900MB1A00060B3000906003000", DrawingsMaterial = "constructionDrawings" },
        ],
        [ProjectStage.ConstructionPermit] =
        [
            new() { Key = "construction-permit", Implementation = "11510900MB1A00060B3000106001000" },
        ],
        [ProjectStage.CompletionAcceptance] =
        [
            new() { Key = "joint-acceptance", Implementation = "11510900MB1A00060B3001006001000", DrawingsMaterial = "asBuilt" },
        ],
    };
}
