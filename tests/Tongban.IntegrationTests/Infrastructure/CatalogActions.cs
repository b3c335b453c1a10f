using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Domain.Catalog;
using Tongban.Domain.Identity;
using Tongban.Domain.Primitives;
using Tongban.Domain.Primitives.Calendar;
using Tongban.Modules.Catalog.Features.ClaimItem;
using Tongban.Modules.Catalog.Features.EditDraft;
using Tongban.Modules.Catalog.Features.IssueItem;
using Tongban.Modules.Catalog.Features.ReviewImplementation;
using Tongban.Modules.Catalog.Features.SubmitForReview;
using Tongban.Modules.Identity.Features.Authentication;
using Tongban.Platform.Persistence;

namespace Tongban.IntegrationTests.Infrastructure;

/// <summary>
/// Intent helpers for the catalog workflow: issue a basic item, claim it for a department, edit,
/// submit and publish — through the same use cases the staff's requests run, each in its own request
/// scope as a signed-in demo staff member (claims built exactly as sign-in builds them). By default the
/// platform admin edits and the city's region admin (SN-REGION) reviews.
/// </summary>
public static class CatalogActions
{
    public const string Editor = "ADMIN";
    public const string Reviewer = "SN-REGION";

    /// <summary>The 设定依据 every test item cites.</summary>
    public const string LegalBasis = "《中华人民共和国行政许可法》第十二条";

    /// <summary>Content that passes every submission rule (one required material); tests vary what they look at.</summary>
    public static ImplementationContent ValidContent(string name) => new()
    {
        Name = name,
        ImplementingBody = "遂宁市市场监督管理局",
        AcceptanceConditions = "申请人身份真实，材料齐全、符合法定形式。",
        Audience = Audience.NaturalPerson,
        StatutoryLimit = new TimeLimit(20, TimeLimitUnit.WorkingDays),
        PromisedLimit = new TimeLimit(5, TimeLimitUnit.WorkingDays),
        Process = [new ProcessStep("accept", "受理"), new ProcessStep("review", "审查"), new ProcessStep("decide", "决定"), new ProcessStep("complete", "办结")],
        Location = "遂宁市政务服务中心一楼综合窗口",
        OfficeHours = "工作日 9:00-12:00，13:30-17:00",
        Consultation = "0825-12345",
        Complaint = "12345 政务服务便民热线",
        ResultType = "证照",
        ResultName = "核准通知书",
        Materials = [new MaterialRequirement { Key = "application", Name = "申请书" }],
    };

    /// <summary>A 12-character 基本编码 no other test uses.</summary>
    public static string NewBasicCode() => "T" + Guid.NewGuid().ToString("N")[..11].ToUpperInvariant();

    /// <summary>Issues a basic item (as the platform admin) exercised at city, county and township level; answers its code.</summary>
    public static async Task<BasicItemCode> IssueItemAsync(this TongbanApp app, string name, ItemType type = ItemType.AdministrativeLicensing)
    {
        var issued = await app.AsStaffAsync<IssueItemHandler, CatalogItem>(Editor, h => h.HandleAsync(
            new IssueItemRequest(NewBasicCode(), name, type, "遂宁市人民政府", LegalBasis, [ExerciseLevel.Municipal, ExerciseLevel.County, ExerciseLevel.Township], null),
            CancellationToken.None));
        return issued.Code;
    }

    /// <summary>认领 only: the department's draft implementation, not yet public.</summary>
    public static Task<Implementation> ClaimAsync(this TongbanApp app, BasicItemCode item, Guid department, string editor = Editor) =>
        app.AsStaffAsync<ClaimItemHandler, Implementation>(editor, h => h.HandleAsync(item.Value, department, CancellationToken.None));

    /// <summary>Issues a new item, claims it for the department and publishes <paramref name="content"/> as version 1.</summary>
    public static async Task<Implementation> PublishImplementationAsync(
        this TongbanApp app, ImplementationContent content, Guid department, ItemType type = ItemType.AdministrativeLicensing, string editor = Editor, string reviewer = Reviewer)
    {
        var claimed = await app.ClaimAsync(await app.IssueItemAsync(content.Name, type), department, editor);
        return await app.ReviseAsync(claimed.Id, content, editor, reviewer);
    }

    /// <summary>Claims an already issued item for one more department and publishes <paramref name="content"/> as its version 1.</summary>
    public static async Task<Implementation> PublishImplementationAsync(
        this TongbanApp app, BasicItemCode item, ImplementationContent content, Guid department, string editor = Editor, string reviewer = Reviewer) =>
        await app.ReviseAsync((await app.ClaimAsync(item, department, editor)).Id, content, editor, reviewer);

    /// <summary>Edits the draft to <paramref name="content"/>, submits it (every rule must hold) and publishes it as the next version.</summary>
    public static async Task<Implementation> ReviseAsync(this TongbanApp app, Guid implementationId, ImplementationContent content, string editor = Editor, string reviewer = Reviewer)
    {
        var draftVersion = await app.CurrentVersionAsync(implementationId);
        var edited = await app.AsStaffAsync<EditDraftHandler, Implementation>(editor, h => h.HandleAsync(implementationId, _ => content, draftVersion, CancellationToken.None));
        var broken = await app.AsStaffAsync<SubmitForReviewHandler, IReadOnlyList<Error>>(editor, h => h.HandleAsync(edited.Id, edited.Version, CancellationToken.None));
        Assert.True(broken.Count == 0, "submission rules broken: " + string.Join(" ", broken.Select(e => e.Message)));
        var submittedVersion = await app.CurrentVersionAsync(implementationId);
        await app.AsStaffAsync<ReviewImplementationHandler, ImplementationVersion>(reviewer, h => h.PublishAsync(implementationId, submittedVersion, CancellationToken.None));
        return await app.WithDbAsync(db => db.Set<Implementation>().AsNoTracking().SingleAsync(i => i.Id == implementationId));
    }

    /// <summary>Runs a use case in its own request scope as the signed-in staff member; fails the test with the rule's message if it refuses.</summary>
    public static async Task<T> AsStaffAsync<THandler, T>(this TongbanApp app, string login, Func<THandler, Task<Result<T>>> useCase)
        where THandler : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<TongbanDbContext>().Set<Account>().AsNoTracking().SingleAsync(a => a.LoginName == login);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = AccountClaims.PrincipalFor(account, "test"),
            RequestServices = scope.ServiceProvider,
        };
        var result = await useCase(scope.ServiceProvider.GetRequiredService<THandler>());
        return result.TryGet(out var value, out var error)
            ? value
            : throw new InvalidOperationException($"{typeof(THandler).Name} as {login}: {error.Code} {error.Message}");
    }

    private static Task<int> CurrentVersionAsync(this TongbanApp app, Guid implementationId) =>
        app.WithDbAsync(db => db.Set<Implementation>().Where(i => i.Id == implementationId).Select(i => i.Version).SingleAsync());
}
