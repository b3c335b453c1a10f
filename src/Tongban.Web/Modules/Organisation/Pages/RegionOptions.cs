using Tongban.Modules.Organisation.Features.Shared;

namespace Tongban.Modules.Organisation.Pages;

/// <summary>The region tree as the options of a select (_RegionOptions.cshtml), indented by depth.</summary>
public sealed record RegionOptions(IReadOnlyList<RegionNode> Regions, string? Selected)
{
    public static string Indent(RegionNode node) => new('\u3000', node.Depth);
}
