using Tongban.Modules.Catalog.Features.ShowImplementation;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>The heading, status and tabs every implementation page shares (_Header.cshtml); <paramref name="Current"/> is the tab's path suffix.</summary>
public sealed record ImplementationHeader(ImplementationView View, string Current)
{
    public static readonly (string Suffix, string Title)[] Tabs =
    [
        ("", "概览"),
        ("/edit", "基本要素"),
        ("/materials", "申请材料"),
        ("/situations", "办理情形"),
        ("/variants", "业务办理项"),
        ("/fees", "收费项目"),
        ("/form", "申请表单"),
        ("/versions", "版本与差异"),
    ];

    public string PathOf(string suffix) => $"/admin/catalog/implementations/{View.Id}{suffix}";
}

/// <summary>The 修改 / 删除 actions of one entry of a list element (_EntryActions.cshtml).</summary>
public sealed record EntryActions(string Key, string Label, int Version);
