using Tongban.Domain.Cases;
using Tongban.Domain.Catalog;
using Tongban.Domain.Catalog.Bundles;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Domain.Tests.Identifiers;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Bundles;

/// <summary>A bundle case follows its members: who may start, what the applicant reads, who can no longer start.</summary>
public class BundleCaseTests
{
    private static ImplementationCode Code(string body) => ImplementationCode.FromTrusted(TestIds.Uscc("11", "510903", body) + "3000126002000");

    // 出生医学证明 → 户口登记 → 医保参保 + 社保卡申领
    private static readonly Bundle Newborn = Succeeds(Bundle.Define(BundleCode.FromTrusted("newborn"), "新生儿出生一件事", "出生", Guid.NewGuid(),
        new TimeLimit(5, TimeLimitUnit.WorkingDays), BundleDelivery.Together,
        [
            new("birth", Code("MB1A0001")),
            new("household", Code("MB1A0002"), ["birth"], []),
            new("insurance", Code("MB1A0003"), ["household"], []),
            new("card", Code("MB1A0004"), ["household"], []),
        ]));

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static BundleCase Open(bool together = true) => BundleCase.Open(
        new BundleCaseOpening(Succeeds(BundleCaseNumber.Create(new DateOnly(2026, 3, 2), 1)), Newborn.Code, Newborn.Version, "{}", Newborn.LeadDepartmentId,
            Succeeds(Applicant.Person(IdNumber.FromTrusted(TestIds.IdNumber("510903", "19900307", "123")), "张伟")), Guid.NewGuid(), CaseChannel.Web,
            Now.AddDays(7), together, new BundleSubmission(new Dictionary<string, string>(), new Dictionary<string, string>(), [])),
        Newborn.WaitGraph, Now);

    private static BundleCase StartAll(BundleCase c)
    {
        foreach (var member in c.ReadyToStart)
        {
            Assert.True(c.Started(member.Key, $"case-{member.Key}", CaseStatus.Submitted).IsSuccess);
        }

        return c;
    }

    [Fact]
    public void Members_StartInTheirOrder_AsPredecessorsProduceResults()
    {
        var c = Open();
        Assert.Equal(["birth"], c.ReadyToStart.Select(m => m.Key));
        StartAll(c);
        Assert.Equal(BundleCaseStatus.Submitted, c.Status);
        Assert.Empty(c.ReadyToStart);

        c.Observe("birth", CaseStatus.Accepted);
        Assert.Equal(BundleCaseStatus.InProgress, c.Status);
        Assert.Empty(c.ReadyToStart);

        c.Observe("birth", CaseStatus.Issued);
        Assert.Equal(["household"], c.ReadyToStart.Select(m => m.Key));
        StartAll(c);
        c.Observe("household", CaseStatus.Issued);
        Assert.Equal(["insurance", "card"], c.ReadyToStart.Select(m => m.Key));
        StartAll(c);
        Assert.Equal(BundleCaseStatus.InProgress, c.Status);

        c.Observe("insurance", CaseStatus.Completed);
        c.Observe("card", CaseStatus.Delivered);
        Assert.Equal(BundleCaseStatus.Completed, c.Status);
    }

    [Fact]
    public void AMembersCorrection_IsTheBundlesStatus()
    {
        var c = StartAll(Open());
        c.Observe("birth", CaseStatus.AwaitingCorrection);
        Assert.Equal(BundleCaseStatus.AwaitingCorrection, c.Status);
    }

    [Fact]
    public void ADenial_BlocksEveryMemberWaitingForIt_AndTheBundleSaysWhatWasDone()
    {
        var c = StartAll(Open());
        c.Observe("birth", CaseStatus.Issued);
        StartAll(c);
        c.Observe("household", CaseStatus.Denied);

        Assert.Empty(c.ReadyToStart);
        Assert.True(c.Member("insurance").Blocked);
        Assert.True(c.Member("card").Blocked);
        Assert.Equal(BundleCaseStatus.PartlyCompleted, c.Status);
    }

    [Fact]
    public void TheFirstMemberRefused_LeavesNothingDone()
    {
        var c = StartAll(Open());
        c.Observe("birth", CaseStatus.Refused);
        Assert.Equal(BundleCaseStatus.NotCompleted, c.Status);
    }

    [Fact]
    public void AMemberStartsOnce()
    {
        var c = StartAll(Open());
        Assert.Equal("bundle-case.member-started", c.Started("birth", "another", CaseStatus.Submitted).Error!.Code);
    }

    [Fact]
    public void ResultsTogether_AreDeliveredOnlyWhenEveryMemberIsFinished()
    {
        var c = StartAll(Open());
        c.Observe("birth", CaseStatus.Issued);
        StartAll(c);
        c.Observe("household", CaseStatus.Issued);
        StartAll(c);
        c.Observe("insurance", CaseStatus.Issued);

        var held = c.MayDeliver("insurance");
        Assert.False(held.IsSuccess);
        Assert.Equal("bundle-case.deliver-together", held.Error!.Code);
        Assert.Equal(["card"], held.Error.Args.Select(a => a.ToString()));

        c.Observe("card", CaseStatus.Denied);
        Assert.True(c.MayDeliver("insurance").IsSuccess);
        Assert.True(StartAll(Open(together: false)).MayDeliver("birth").IsSuccess);
    }

    [Theory]
    [InlineData("YJS20260302000001", true)]
    [InlineData("yjs20260302000042", true)]
    [InlineData("YJS20260230000001", false)]
    [InlineData("YJS20260302000000", false)]
    [InlineData("YJS2026030200001", false)]
    [InlineData("ABC20260302000001", false)]
    public void BundleCaseNumbers_AreYjsDateAndSerial(string text, bool valid) =>
        Assert.Equal(valid, BundleCaseNumber.Parse(text).IsSuccess);

    [Fact]
    public void AMemberThatCannotBeFiled_KeepsItsReason_UntilItIsFiled()
    {
        var c = StartAll(Open());
        c.Observe("birth", CaseStatus.Issued);
        Assert.True(c.FailedToStart("household", "cases.required-material-missing", "缺少出生医学证明", Now).IsSuccess);
        Assert.True(c.FailedToStart("household", "cases.required-material-missing", "缺少出生医学证明", Now.AddHours(1)).IsSuccess);

        var failed = Assert.Single(c.MembersFailedToStart());
        Assert.Equal(("household", "cases.required-material-missing", 2, Now.AddHours(1)), (failed.Key, failed.Failure!.Code, failed.Failure.Attempts, failed.Failure.At));
        Assert.Equal(BundleCaseStatus.InProgress, c.Status);
        Assert.Contains(c.ReadyToStart, m => m.Key == "household");

        Assert.True(c.Started("household", "case-household", CaseStatus.Submitted).IsSuccess);
        Assert.Null(c.Member("household").Failure);
        Assert.Empty(c.MembersFailedToStart());
    }

    [Fact]
    public void Retry_IsOnlyForAFailedMemberWhosePredecessorsHaveResults()
    {
        var c = StartAll(Open());
        Assert.Equal("bundle-case.member-unknown", c.MayRetry("nobody").Error!.Code);
        Assert.Equal("bundle-case.retry-not-failed", c.MayRetry("household").Error!.Code);
        Assert.Equal("bundle-case.retry-not-failed", c.MayRetry("birth").Error!.Code);

        c.Observe("birth", CaseStatus.Issued);
        Assert.True(c.FailedToStart("household", "bundle.member-not-published", "事项未发布", Now).IsSuccess);
        Assert.True(c.MayRetry("household").IsSuccess);

        Assert.True(c.Started("household", "case-household", CaseStatus.Submitted).IsSuccess);
        Assert.Equal("bundle-case.retry-not-failed", c.MayRetry("household").Error!.Code);
    }

    [Fact]
    public void AStartedOrBlockedMember_CannotFailToStart()
    {
        var c = StartAll(Open());
        Assert.Equal("bundle-case.member-started", c.FailedToStart("birth", "x", "x", Now).Error!.Code);
        c.Observe("birth", CaseStatus.Denied);
        Assert.Equal("bundle-case.member-started", c.FailedToStart("household", "x", "x", Now).Error!.Code);
        Assert.Empty(c.MembersFailedToStart());
    }
}
