using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;

namespace Tongban.Domain.Tests.Catalog;

/// <summary>认领 → 编辑 → 提交 → 退回 / 发布: the implementation's transitions and the rules that guard them.</summary>
public class ImplementationWorkflowTests
{
    private const string Editor = "editor-account";
    private const string Reviewer = "reviewer-account";
    private static readonly DateTimeOffset Issued = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly Uscc Department = Uscc.Parse("12100000400000624D").Value;
    private static readonly RegionCode City = RegionCode.Parse("510900000000").Value;

    [Fact]
    public void Claim_StartsADraft_CodedByDepartmentLevelAndItem()
    {
        var implementation = Claimed();

        Assert.Equal(ImplementationStatus.Draft, implementation.Status);
        Assert.Equal("12100000400000624D" + "3" + "SCJ000000001", implementation.Code.Value);
        Assert.Equal("食品经营许可", implementation.Draft.Name);
        Assert.Null(implementation.PublishedVersion);
    }

    [Fact]
    public void ClaimDeadline_IsTheClaimPeriodAfterIssue()
    {
        Assert.Equal(Issued.AddDays(15), Item().ClaimDeadline(CatalogPolicy.Default));
        Assert.Equal(Issued.AddDays(30), Item().ClaimDeadline(CatalogPolicy.Default with { ClaimDays = 30 }));
    }

    [Fact]
    public void Submit_WithBrokenRules_ReturnsThemAll_AndStaysEditable()
    {
        var implementation = Claimed();

        var broken = implementation.Submit(CatalogPolicy.Default, Editor, Issued);

        Assert.True(broken.IsSuccess);
        Assert.Contains(broken.Value, e => e.Code == "catalog.element-required" && e.Field == nameof(ImplementationContent.Location));
        Assert.Contains(broken.Value, e => e.Code == "catalog.element-required" && e.Field == nameof(ImplementationContent.Process));
        Assert.Equal(ImplementationStatus.Draft, implementation.Status);
        Assert.Null(implementation.SubmittedBy);
    }

    [Fact]
    public void Submitted_IsLockedForEditing_AndCannotBeSubmittedTwice()
    {
        var implementation = Submitted();

        Assert.Equal("catalog.locked-in-review", implementation.Edit(CatalogRulesTests.Passing() with { Location = "别处" }).Error?.Code);
        Assert.Equal("catalog.not-editable-state", implementation.Submit(CatalogPolicy.Default, Editor, Issued).Error?.Code);
        Assert.Equal("遂宁市政务服务中心", implementation.Draft.Location);
    }

    [Fact]
    public void Edit_WithoutAName_IsRefused() =>
        Assert.Equal("catalog.element-required", Claimed().Edit(CatalogRulesTests.Passing() with { Name = "" }).Error?.Code);

    [Fact]
    public void Return_NeedsAReason()
    {
        var implementation = Submitted();

        var returned = implementation.Return("  ", Reviewer);

        Assert.Equal("catalog.return-reason-required", returned.Error?.Code);
        Assert.Equal(ImplementationStatus.Submitted, implementation.Status);
    }

    [Fact]
    public void Return_WithAReason_ReopensTheDraft_WhichCanBeEditedAndResubmitted()
    {
        var implementation = Submitted();

        Assert.True(implementation.Return("请补充受理条件", Reviewer).IsSuccess);
        Assert.Equal(ImplementationStatus.Returned, implementation.Status);
        Assert.Equal("请补充受理条件", implementation.ReturnReason);

        Assert.True(implementation.Edit(CatalogRulesTests.Passing() with { AcceptanceConditions = "已取得营业执照且场所符合要求" }).IsSuccess);
        Assert.Empty(implementation.Submit(CatalogPolicy.Default, Editor, Issued).Value);
        Assert.Equal(ImplementationStatus.Submitted, implementation.Status);
        Assert.Null(implementation.ReturnReason);
    }

    [Fact]
    public void Reviewer_MayNotBeTheSubmitter_ToPublishOrReturn()
    {
        var implementation = Submitted();

        Assert.IsType<Forbidden>(implementation.Publish(Editor, Issued).Error);
        Assert.IsType<Forbidden>(implementation.Return("自己退回", Editor).Error);
        Assert.Equal("catalog.reviewer-is-submitter", implementation.Publish(Editor, Issued).Error?.Code);
        Assert.Equal(ImplementationStatus.Submitted, implementation.Status);
    }

    [Fact]
    public void PublishOrReturn_OfADraftNotSubmitted_IsRefused()
    {
        var implementation = Claimed();

        Assert.Equal("catalog.not-submitted", implementation.Publish(Reviewer, Issued).Error?.Code);
        Assert.Equal("catalog.not-submitted", implementation.Return("理由", Reviewer).Error?.Code);
    }

    [Fact]
    public void EachPublish_FreezesTheNextVersion_AndEarlierVersionsKeepTheirContent()
    {
        var implementation = Submitted();

        var first = implementation.Publish(Reviewer, Issued.AddDays(1)).Value;
        Assert.Equal(ImplementationStatus.Published, implementation.Status);
        Assert.True(implementation.Edit(CatalogRulesTests.Passing() with { Location = "遂宁市政务服务中心三楼" }).IsSuccess);
        Assert.Equal(ImplementationStatus.Draft, implementation.Status);
        Assert.Equal(1, implementation.PublishedVersion);
        Assert.Empty(implementation.Submit(CatalogPolicy.Default, Editor, Issued.AddDays(2)).Value);
        var second = implementation.Publish(Reviewer, Issued.AddDays(3)).Value;

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal(2, implementation.PublishedVersion);
        Assert.Equal("遂宁市政务服务中心", first.Content.Location);
        Assert.Equal("遂宁市政务服务中心三楼", second.Content.Location);
        Assert.Equal((Reviewer, Issued.AddDays(3)), (second.PublishedBy, second.PublishedAt));
        var change = Assert.Single(ContentDiff.Between(first.Content, second.Content));
        Assert.Equal(("location", "办理地点", "遂宁市政务服务中心", "遂宁市政务服务中心三楼"), (change.Path, change.Element, change.Before, change.After));
    }

    private static CatalogItem Item() =>
        CatalogItem.Issue(BasicItemCode.Parse("SCJ000000001").Value, "食品经营许可", ItemType.AdministrativeLicensing, "市场监管", "《中华人民共和国食品安全法》第三十五条",
            [ExerciseLevel.Municipal, ExerciseLevel.County], null, Issued).Value;

    private static Implementation Claimed() =>
        Implementation.Claim(Guid.NewGuid(), Item(), Department, Guid.NewGuid(), City, ExerciseLevel.Municipal, Editor, Issued);

    private static Implementation Submitted()
    {
        var implementation = Claimed();
        Assert.True(implementation.Edit(CatalogRulesTests.Passing() with { StatutoryLimit = new TimeLimit(20, TimeLimitUnit.WorkingDays) }).IsSuccess);
        Assert.Empty(implementation.Submit(CatalogPolicy.Default, Editor, Issued).Value);
        Assert.Equal(ImplementationStatus.Submitted, implementation.Status);
        return implementation;
    }
}
