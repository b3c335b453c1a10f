using System.Text.Json;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Catalog.Transfer;
using Tongban.Domain.Primitives;
using Tongban.IntegrationTests.Documentation;
using Tongban.Modules.Licences.Features.SeedDemo;
using Tongban.Platform.Demo;

namespace Tongban.IntegrationTests.Bundles;

/// <summary>
/// The demo 一件事 (Demo/demo-bundles.json) read from the source tree against the demo catalog beside it: every
/// bundle defines, its members are published demo implementations, what flows lands on a field or material the
/// receiver has, and a field several members ask is the same field (key, type and label), so it is asked once.
/// </summary>
public sealed class DemoBundleDataTests
{
    private static readonly string DemoFolder = Path.Combine(ReadmeTests.RepositoryRoot(), "src", "Tongban.Web", "Modules", "Catalog", "Demo");
    private static readonly CatalogDocument Catalog = Read<CatalogDocument>("demo-catalog.json");
    private static readonly BundleFile Bundles = BundleJson.ReadFile(File.ReadAllText(Path.Combine(DemoFolder, "demo-bundles.json")));

    public static TheoryData<string> Codes() => [.. Bundles.Bundles.Select(b => b.Code)];

    [Fact]
    public void DemoBundles_AreTheFiveOfTheIssue_InTheBundleFormat()
    {
        Assert.Equal("tongban-bundles/1", Bundles.Format);
        Assert.Equal(["newborn", "business", "property", "restaurant", "after-death"], Bundles.Bundles.Select(b => b.Code));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void DemoBundle_Defines_OverPublishedDemoImplementations_LedByADemoDepartment(string code)
    {
        var entry = Entry(code);

        var bundle = Define(entry);

        Assert.True(BundleCode.Parse(entry.Code).IsSuccess, entry.Code);
        Assert.Equal(entry.Members.Count, bundle.Members.Count);
        Assert.Contains(bundle.Members, m => m.After.Count == 0);
        Assert.All(entry.Members, m => Assert.Empty(CatalogRules.ForSubmission(Published(m.Implementation).Content, CatalogPolicy.Default)));
        Assert.True(BundleApplication.Merge(bundle, Contents(entry)).TryGet(out var application, out var conflict), conflict?.Code);
        Assert.True(application.MaterialsFor(new Dictionary<string, string>()).IsSuccess);
    }

    [Fact]
    public void PropertyBundle_IsAcceptedOnce_AtTheLeadWindow_AndTheOthersAtEachMembersIntake()
    {
        var property = Define(Entry("property"));
        Assert.Equal(BundleAcceptance.Single, property.Acceptance);
        Assert.All(property.Members, m => Assert.True(m.AtLeadWindow && m.After.Count == 0, m.Key));
        // 不动产登记中心 leads and accepts for 住建 and 税务 as well as for its own 转移登记.
        Assert.Equal(["transfer"], Entry("property").Members.Where(m => m.Implementation[..18] == Entry("property").LeadDepartment).Select(m => m.Key));
        Assert.All(Bundles.Bundles.Where(b => b.Code != "property"), b => Assert.Equal(BundleAcceptance.PerMember, Define(b).Acceptance));
        Assert.True(BundleJson.ReadMembers(BundleJson.WriteMembers(property.Members)).All(m => m.AtLeadWindow));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void DemoBundle_LicencesThatFlow_AreIssuedByTheirSource_AndHaveTheFieldsNamed(string code)
    {
        var entry = Entry(code);

        foreach (var (receiver, flow) in entry.Members.SelectMany(m => (m.Flows ?? []).Select(f => (m, f))))
        {
            var source = entry.Members.Single(m => m.Key == flow.From);
            if (flow.Source == DataFlow.CaseNumber)
            {
                Assert.Null(flow.MaterialKey);
                continue;
            }

            var issued = Published(source.Implementation).Content.LicenceTypeCode;
            Assert.False(issued is null, $"{receiver.Key} takes {flow.Source} from {source.Key}, which issues no licence");
            var type = Assert.Single(DemoLicenceTypes.All, t => t.Code.Value == issued);
            if (flow.Source.StartsWith(DataFlow.LicenceFieldPrefix, StringComparison.Ordinal))
            {
                Assert.Contains(flow.Source[DataFlow.LicenceFieldPrefix.Length..], type.Fields.Select(f => f.Key));
            }
            else
            {
                Assert.Equal(DataFlow.LicenceIdentifier, flow.Source);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void DemoBundle_FlowTargets_AreFieldsOrMaterialsOfTheReceiver(string code)
    {
        foreach (var member in Entry(code).Members)
        {
            var content = Published(member.Implementation).Content;
            foreach (var flow in member.Flows ?? [])
            {
                if (flow.MaterialKey is { } material)
                {
                    var requirement = Assert.Single(content.Materials, m => m.Key == material);
                    Assert.Contains(requirement.Exemptions, e => e.Route == ExemptionRoute.HeldLicence);
                }
                else
                {
                    Assert.Contains(flow.Target, content.Form.Select(f => f.Key));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void DemoBundle_AFieldSeveralMembersAsk_IsOneField_WithOneTypeAndLabel(string code)
    {
        var entry = Entry(code);
        var asked = entry.Members
            .SelectMany(m => Published(m.Implementation).Content.Form
                .Where(f => (m.Flows ?? []).All(flow => flow.FieldKey != f.Key))
                .Select(f => (Member: m.Key, Field: f)))
            .GroupBy(a => a.Field.Key)
            .ToList();

        Assert.All(asked, g => Assert.True(g.Select(a => (a.Field.Type, a.Field.Label)).Distinct().Count() == 1,
            $"{g.Key} differs between {string.Join(", ", g.Select(a => $"{a.Member} ({a.Field.Type} {a.Field.Label})"))}"));
        Assert.Contains(asked, g => g.Select(a => a.Member).Distinct().Count() >= 2);
    }

    private static Bundle Define(BundleDocument entry)
    {
        var lead = Assert.Single(DemoCity.Departments, d => DemoCity.UsccFor("11", d.RegionCode, d.OrganisationCodeBody).Value == entry.LeadDepartment);
        Assert.True(BundleJson.MembersOf(entry).TryGet(out var members, out var codeError), codeError?.Code);
        var defined = Bundle.Define(BundleCode.FromTrusted(entry.Code), entry.Name, entry.LifeEvent, lead.Id, entry.PromisedLimit, entry.Delivery, members, entry.Description);
        Assert.True(defined.TryGet(out var bundle, out var error), $"{entry.Code}: {error?.Code} {string.Join(", ", error?.Args ?? [])}");
        return bundle;
    }

    private static Dictionary<string, ImplementationContent> Contents(BundleDocument entry) =>
        entry.Members.ToDictionary(m => m.Key, m => Published(m.Implementation).Content, StringComparer.Ordinal);

    private static DocumentImplementation Published(string code)
    {
        var implementation = Assert.Single(Catalog.Implementations, i => i.Code == code);
        Assert.Equal(DocumentStatus.Published, implementation.Status);
        return implementation;
    }

    private static BundleDocument Entry(string code) => Bundles.Bundles.Single(b => b.Code == code);

    private static T Read<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(DemoFolder, file)), CatalogJson.Options) ?? throw new JsonException(file);
}
