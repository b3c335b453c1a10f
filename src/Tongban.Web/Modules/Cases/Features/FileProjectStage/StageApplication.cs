using Microsoft.Extensions.Options;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Modules.Cases.Features.Shared;
using Tongban.Modules.Cases.Features.ShowProject;
using Tongban.Modules.Catalog;

namespace Tongban.Modules.Cases.Features.FileProjectStage;

/// <summary>A material of a stage's one application, asked once for every item that lists it; <see cref="SharedData"/> names the resource that may supply it instead.</summary>
public sealed record StageMaterial(string Key, string Name, bool Required, bool Conditional, string? SharedData);

/// <summary>
/// The one application of a stage as a form shows it: each situation, field and material once (by key)
/// across the stage's items, and whether the stage asks for its one set of drawings.
/// </summary>
public sealed record StageApplication(string Stage, string StageName, IReadOnlyList<Situation> Situations, IReadOnlyList<FormField> Fields, IReadOnlyList<StageMaterial> Materials, bool AsksDrawings);

public sealed class StageApplicationBuilder(ICatalog catalog, IOptions<ProjectTemplateOptions> template)
{
    public async Task<StageApplication?> ForAsync(ProjectView project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var stage = project.Stages.FirstOrDefault(s => s.Stage == project.NextStage);
        if (stage is null || !ProjectAccess.ParseStage(stage.Stage).TryGet(out var parsed, out _))
        {
            return null;
        }

        var configured = template.Value.StagesOrDefault().TryGetValue(parsed, out var items) ? items : [];
        var drawings = configured.Where(i => i.DrawingsMaterial is not null).Select(i => i.DrawingsMaterial!).ToHashSet(StringComparer.Ordinal);
        var situations = new List<Situation>();
        var fields = new List<FormField>();
        var materials = new List<StageMaterial>();
        foreach (var item in stage.Items)
        {
            var published = ImplementationCode.Parse(item.ImplementationCode).TryGet(out var code, out _) ? await catalog.FindPublishedAsync(code, null, cancellationToken) : null;
            if (published is null)
            {
                continue;
            }

            situations.AddRange(published.Content.Situations.Where(s => situations.All(x => x.Key != s.Key)));
            fields.AddRange(published.Content.Form.Where(f => fields.All(x => x.Key != f.Key)));
            materials.AddRange(published.Content.Materials
                .Where(m => !drawings.Contains(m.Key) && materials.All(x => x.Key != m.Key))
                .Select(m => new StageMaterial(m.Key, m.Name, m.Necessity == MaterialNecessity.Required, m.Conditional,
                    m.Exemptions.FirstOrDefault(e => e.Route == ExemptionRoute.SharedData)?.Reference)));
        }

        return new StageApplication(stage.Stage, stage.Name, situations, fields, materials, drawings.Count > 0);
    }
}
