using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Domain.Tests.Identifiers;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Bundles;

/// <summary>
/// 一件事 as data: the member graph is checked when a bundle is defined, and the application merges
/// the members' forms and materials so each is asked once (新生儿出生一件事 as the example).
/// </summary>
public class BundleTests
{
    private static readonly Guid Health = Guid.NewGuid();

    private static ImplementationCode Code(string body, string item) =>
        ImplementationCode.FromTrusted(TestIds.Uscc("11", "510903", body) + "3" + item);

    private static readonly ImplementationCode BirthCertificate = Code("MB1A0001", "000126002000");
    private static readonly ImplementationCode Household = Code("MB1A0002", "000126003000");
    private static readonly ImplementationCode Insurance = Code("MB1A0003", "000126004000");
    private static readonly ImplementationCode SocialCard = Code("MB1A0004", "000126005000");

    private static IReadOnlyList<BundleMember> Newborn() =>
    [
        new("birth", BirthCertificate),
        new("household", Household, ["birth"], [
            new DataFlow("birth", DataFlow.LicenceIdentifier, "birthCertificateNumber"),
            new DataFlow("birth", DataFlow.LicenceIdentifier, "material:birth-certificate")]),
        new("insurance", Insurance, ["household"], []),
        new("card", SocialCard, ["household"], []),
    ];

    private static Bundle Define(IReadOnlyList<BundleMember> members) =>
        Succeeds(Bundle.Define(BundleCode.FromTrusted("newborn"), "新生儿出生一件事", "出生", Health, new TimeLimit(5, TimeLimitUnit.WorkingDays), BundleDelivery.Together, members));

    [Theory]
    [InlineData("newborn", "newborn")]
    [InlineData(" Business-Start ", "business-start")]
    public void BundleCode_Parse_AcceptsSlugs(string input, string expected) =>
        Assert.Equal(expected, Succeeds(BundleCode.Parse(input)).Value);

    [Theory]
    [InlineData(null, "bundle-code.required")]
    [InlineData("ab", "bundle-code.length")]
    [InlineData("1newborn", "bundle-code.characters")]
    [InlineData("new--born", "bundle-code.characters")]
    [InlineData("newborn-", "bundle-code.characters")]
    [InlineData("新生儿", "bundle-code.characters")]
    public void BundleCode_Parse_RefusesOtherText(string? input, string code) => AssertChineseMessage(FailsInvalid(BundleCode.Parse(input), code));

    [Fact]
    public void Define_KnowsWhoStartsAndWhoWaits()
    {
        var bundle = Define(Newborn());

        Assert.Equal(["birth"], bundle.Starting.Select(m => m.Key));
        Assert.Equal(new HashSet<string> { "birth", "household" }, bundle.PredecessorsOf("card"));
        Assert.Empty(bundle.PredecessorsOf("birth"));
    }

    [Fact]
    public void Define_RefusesAWaitOnAMemberNotInTheBundle() =>
        AssertChineseMessage(FailsInvalid(Bundle.Define(BundleCode.FromTrusted("newborn"), "新生儿出生一件事", "出生", Health, new TimeLimit(5, TimeLimitUnit.WorkingDays), BundleDelivery.Together,
            [new("birth", BirthCertificate), new("household", Household, ["police"], [])]), "bundle.member-after-unknown"));

    [Fact]
    public void Define_RefusesACycle()
    {
        IReadOnlyList<BundleMember> members = [new("birth", BirthCertificate, ["card"], []), new("household", Household, ["birth"], []), new("card", SocialCard, ["household"], [])];
        var error = FailsInvalid(Bundle.Define(BundleCode.FromTrusted("newborn"), "新生儿出生一件事", "出生", Health, new TimeLimit(5, TimeLimitUnit.WorkingDays), BundleDelivery.Together, members), "bundle.member-cycle");
        AssertChineseMessage(error);
    }

    [Fact]
    public void Define_RefusesDataFromAMemberTheReceiverDoesNotWaitFor()
    {
        IReadOnlyList<BundleMember> members =
        [
            new("birth", BirthCertificate),
            new("household", Household, ["birth"], []),
            new("insurance", Insurance, ["household"], []),
            new("card", SocialCard, ["household"], [new DataFlow("insurance", DataFlow.CaseNumber, "insuranceCase")]),
        ];

        FailsInvalid(Bundle.Define(BundleCode.FromTrusted("newborn"), "新生儿出生一件事", "出生", Health, new TimeLimit(5, TimeLimitUnit.WorkingDays), BundleDelivery.Together, members), "bundle.flow-not-after");
    }

    [Theory]
    [InlineData("licence", "birthCertificateNumber")]
    [InlineData("licence:", "birthCertificateNumber")]
    [InlineData(DataFlow.LicenceIdentifier, "material:")]
    [InlineData(DataFlow.LicenceIdentifier, " ")]
    public void Define_RefusesAFlowOfAnotherShape(string source, string target)
    {
        IReadOnlyList<BundleMember> members = [new("birth", BirthCertificate), new("household", Household, ["birth"], [new DataFlow("birth", source, target)])];
        FailsInvalid(Bundle.Define(BundleCode.FromTrusted("newborn"), "新生儿出生一件事", "出生", Health, new TimeLimit(5, TimeLimitUnit.WorkingDays), BundleDelivery.Together, members), "bundle.flow-shape");
    }

    [Fact]
    public void Define_RefusesOneMember_DuplicateKeys_NoLead_AndNoLimit()
    {
        var code = BundleCode.FromTrusted("newborn");
        var limit = new TimeLimit(5, TimeLimitUnit.WorkingDays);
        FailsInvalid(Bundle.Define(code, "新生儿出生一件事", "出生", Health, limit, BundleDelivery.Together, [new("birth", BirthCertificate)]), "bundle.members-count");
        FailsInvalid(Bundle.Define(code, "新生儿出生一件事", "出生", Health, limit, BundleDelivery.Together, [new("birth", BirthCertificate), new("birth", Household)]), "bundle.member-key");
        FailsInvalid(Bundle.Define(code, "新生儿出生一件事", "出生", Guid.Empty, limit, BundleDelivery.Together, Newborn()), "bundle.lead-required");
        FailsInvalid(Bundle.Define(code, "新生儿出生一件事", "出生", Health, limit with { Amount = 0 }, BundleDelivery.Together, Newborn()), "bundle.limit-positive");
        FailsInvalid(Bundle.Define(code, " ", "出生", Health, limit, BundleDelivery.Together, Newborn()), "bundle.name-required");
    }

    private static FormField Field(string key, string label, bool required = true, FormFieldType type = FormFieldType.Text, int? maxLength = null) =>
        new() { Key = key, Label = label, Required = required, Type = type, MaxLength = maxLength };

    private static MaterialRequirement Material(string key, string name, bool deficiencyAllowed = false, MaterialNecessity necessity = MaterialNecessity.Required, params Exemption[] exemptions) =>
        new() { Key = key, Name = name, DeficiencyAllowed = deficiencyAllowed, Necessity = necessity, Exemptions = exemptions };

    private static Dictionary<string, ImplementationContent> NewbornContents() => new()
    {
        ["birth"] = new()
        {
            Name = "出生医学证明签发",
            Form = [Field("childName", "新生儿姓名", maxLength: 20), Field("motherName", "母亲姓名"), Field("birthDate", "出生日期", type: FormFieldType.Date)],
            Materials = [Material("mother-id", "母亲居民身份证", exemptions: new Exemption(ExemptionRoute.SharedData, "person.base")), Material("record", "住院分娩记录")],
        },
        ["household"] = new()
        {
            Name = "出生登记（户口）",
            Form = [Field("childName", "新生儿姓名", maxLength: 10), Field("birthDate", "出生日期", type: FormFieldType.Date), Field("birthCertificateNumber", "出生医学证明编号"), Field("householdAddress", "户籍地址")],
            Materials = [Material("birth-certificate", "出生医学证明"), Material("booklet", "居民户口簿"), Material("id", "母亲居民身份证", deficiencyAllowed: true)],
            Situations = [new() { Key = "parents", Question = "父母是否为同一户？", Answers = [new() { Key = "same", Text = "是" }, new() { Key = "different", Text = "否", Adds = ["marriage"] }] }],
        },
        ["insurance"] = new()
        {
            Name = "城乡居民医保参保登记",
            Form = [Field("childName", "新生儿姓名"), Field("bank", "缴费银行", required: false)],
            Materials = [Material("booklet", "居民户口簿 "), Material("photo", "照片", necessity: MaterialNecessity.Optional)],
        },
        ["card"] = new()
        {
            Name = "社会保障卡申领",
            Form = [Field("childName", "新生儿姓名"), Field("bank", "缴费银行", required: true)],
            Materials = [Material("photo", "照片")],
        },
    };

    [Fact]
    public void Merge_AsksEachFieldOnce_TheStrictestWay_AndNotTheOnesAResultFills()
    {
        var application = Succeeds(BundleApplication.Merge(Define(Newborn()), NewbornContents()));

        Assert.Equal(["childName", "motherName", "birthDate", "householdAddress", "bank"], application.Fields.Select(f => f.Field.Key));
        var child = application.Fields[0];
        Assert.Equal(["birth", "household", "insurance", "card"], child.Members);
        Assert.Equal(10, child.Field.MaxLength);
        Assert.True(application.Fields.Single(f => f.Field.Key == "bank").Field.Required);
        Assert.DoesNotContain(application.Fields, f => f.Field.Key == "birthCertificateNumber");
        Assert.Equal(["household"], application.Situations.Single().Members);
    }

    [Fact]
    public void Materials_AreAskedOnce_ByName_WithEveryUsesExemption_AndNotWhenAPredecessorSuppliesThem()
    {
        var application = Succeeds(BundleApplication.Merge(Define(Newborn()), NewbornContents()));
        var materials = Succeeds(application.MaterialsFor(new Dictionary<string, string>()));

        Assert.Equal(["母亲居民身份证", "住院分娩记录", "居民户口簿", "照片"], materials.Select(m => m.Requirement.Name.Trim()));
        var id = materials[0];
        Assert.Equal([new BundleMaterialUse("birth", "mother-id"), new BundleMaterialUse("household", "id")], id.Uses);
        Assert.False(id.Requirement.DeficiencyAllowed);
        Assert.Equal([new Exemption(ExemptionRoute.SharedData, "person.base")], id.Requirement.Exemptions);
        Assert.Equal(MaterialNecessity.Required, materials.Single(m => m.Key == "photo").Requirement.Necessity);
        Assert.Equal(["household", "insurance"], materials.Single(m => m.Key == "booklet").Uses.Select(u => u.Member));
        Assert.DoesNotContain(materials, m => m.Requirement.Name == "出生医学证明");
    }

    [Fact]
    public void Materials_FollowAMembersSituation_AndAnUnknownSituationIsRefused()
    {
        var contents = NewbornContents();
        contents["household"] = contents["household"] with
        {
            Materials = [.. contents["household"].Materials, Material("marriage", "结婚证") with { Conditional = true }],
        };
        var application = Succeeds(BundleApplication.Merge(Define(Newborn()), contents));

        Assert.DoesNotContain(Succeeds(application.MaterialsFor(new Dictionary<string, string> { ["parents"] = "same" })), m => m.Key == "marriage");
        Assert.Contains(Succeeds(application.MaterialsFor(new Dictionary<string, string> { ["parents"] = "different" })), m => m.Key == "marriage");
        FailsInvalid(application.MaterialsFor(new Dictionary<string, string> { ["twins"] = "yes" }), "catalog.situation-unknown");
    }

    [Fact]
    public void Merge_RefusesAFieldAskedAsTwoTypes_AndAMissingMember()
    {
        var contents = NewbornContents();
        contents["insurance"] = contents["insurance"] with { Form = [Field("birthDate", "出生日期", type: FormFieldType.Text)] };
        AssertChineseMessage(FailsInvalid(BundleApplication.Merge(Define(Newborn()), contents), "bundle.form-field-conflict"));

        contents.Remove("card");
        Assert.Equal("bundle.member-not-published", BundleApplication.Merge(Define(Newborn()), contents).Error!.Code);
    }

    [Fact]
    public void SingleAcceptance_IsForMembersThatAllStartTogether()
    {
        var limit = new TimeLimit(3, TimeLimitUnit.WorkingDays);
        BundleMember AtWindow(string key, ImplementationCode code, params string[] after) => new(key, code, after, []) { AtLeadWindow = true };

        var once = Succeeds(Bundle.Define(BundleCode.FromTrusted("property"), "不动产登记“三窗合一”", "购房", Health, limit, BundleDelivery.Together,
            [AtWindow("contract", BirthCertificate), AtWindow("tax", Household), AtWindow("transfer", Insurance)]));
        Assert.Equal(BundleAcceptance.Single, once.Acceptance);
        Assert.Equal(BundleAcceptance.PerMember, Define(Newborn()).Acceptance);

        FailsInvalid(Bundle.Define(BundleCode.FromTrusted("property"), "不动产登记“三窗合一”", "购房", Health, limit, BundleDelivery.Together,
            [AtWindow("contract", BirthCertificate), AtWindow("transfer", Insurance, "contract")]), "bundle.single-acceptance-parallel");
        AssertChineseMessage(FailsInvalid(Bundle.Define(BundleCode.FromTrusted("property"), "不动产登记“三窗合一”", "购房", Health, limit, BundleDelivery.Together,
            [AtWindow("contract", BirthCertificate), new("transfer", Insurance)]), "bundle.single-acceptance-parallel"));
    }

    [Fact]
    public void ABundleDocumentSayingSingle_PutsEveryMemberAtTheLeadWindow_AndTheDefinitionKeepsIt()
    {
        var document = new BundleDocument("property", "不动产登记“三窗合一”", "购房", null, "lead", new TimeLimit(3, TimeLimitUnit.WorkingDays), BundleDelivery.Together,
            [new("contract", BirthCertificate.Value), new("transfer", Insurance.Value)], BundleAcceptance.Single);
        var members = Succeeds(BundleJson.MembersOf(document));
        Assert.All(members, m => Assert.True(m.AtLeadWindow));
        Assert.All(BundleJson.ReadMembers(BundleJson.WriteMembers(members)), m => Assert.True(m.AtLeadWindow));
        Assert.DoesNotContain("atLeadWindow", BundleJson.WriteMembers(Newborn()), StringComparison.Ordinal);
    }
}

/// <summary>Data flowing from a finished member into its dependant's application.</summary>
public class FlowedInputTests
{
    private static readonly BundleMember Household = new("household", ImplementationCode.FromTrusted(TestIds.Uscc("11", "510903", "MB1A0002") + "3000126003000"), ["birth"],
    [
        new DataFlow("birth", DataFlow.LicenceIdentifier, "birthCertificateNumber"),
        new DataFlow("birth", DataFlow.LicenceIdentifier, "material:birth-certificate"),
        new DataFlow("birth", "licence:childName", "childName"),
        new DataFlow("birth", DataFlow.CaseNumber, "birthCase"),
    ]);

    [Fact]
    public void TheBirthCertificate_FillsTheHouseholdForm_AndReplacesItsMaterial()
    {
        var results = new Dictionary<string, MemberResult>
        {
            ["birth"] = new("CASE-1", "1.2.156.3005.2.X", new Dictionary<string, string?> { ["childName"] = "张小明" }),
        };

        var input = Succeeds(FlowedInput.For(Household, results));

        Assert.Equal("1.2.156.3005.2.X", input.FormValues["birthCertificateNumber"]);
        Assert.Equal("张小明", input.FormValues["childName"]);
        Assert.Equal("CASE-1", input.FormValues["birthCase"]);
        Assert.Equal(new Dictionary<string, string> { ["birth-certificate"] = "1.2.156.3005.2.X" }, input.LicenceMaterials);
    }

    [Fact]
    public void AResultThatIsNotThereYet_IsAConflict_NamingIt()
    {
        var noLicence = new Dictionary<string, MemberResult> { ["birth"] = new("CASE-1", null, new Dictionary<string, string?>()) };

        var error = FlowedInput.For(Household, noLicence).Error!;
        Assert.Equal("bundle.flow-value-missing", error.Code);
        Assert.IsType<Conflict>(error);
        AssertChineseMessage(error);
        Assert.Equal("bundle.flow-value-missing", FlowedInput.For(Household, new Dictionary<string, MemberResult>()).Error!.Code);
    }
}
