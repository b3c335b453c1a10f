using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Platform.Http;

namespace Tongban.Modules.Supervision.Features.Oversight;

/// <summary>/api/v1/supervision/oversight-orders: 督办.</summary>
public static class SupervisionOrdersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/supervision/oversight-orders");
        orders.MapPost("", IssueAsync)
            .WithName("IssueOversightOrder")
            .WithSummary("督办: issue an order on a case or a department's overdue list")
            .WithDescription("Supervisors in scope. Body: caseNumber (a case of the caller's region) or departmentId (its overdue list), message, "
                + "answerWorkingDays (1-30; default Tongban:Supervision:Orders:AnswerWorkingDays, 3). The answer is due at the end of that working day.")
            .Produces<OrderView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        orders.MapGet("", ListAsync)
            .WithName("ListOversightOrders")
            .WithSummary("督办 orders in the caller's scope")
            .WithDescription("Supervisors and region admins: their region's orders; department admins and approvers: their department's. ?open=true leaves out closed ones, ?caseNumber= one case's. "
                + "An order issued and not answered past its deadline says answerOverdue true (逾期未反馈). Open ones first, newest first, at most 500.")
            .Produces<IReadOnlyList<OrderView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        orders.MapGet("/{id:guid}", FindAsync)
            .WithName("ShowOversightOrder")
            .WithSummary("One 督办 order")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{id:guid}/answer", AnswerAsync)
            .WithName("AnswerOversightOrder")
            .WithSummary("督办: the responsible department answers with what it did")
            .WithDescription("Department admins and approvers of the order's department, once; body: answer, expectedVersion (optional).")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        orders.MapPost("/{id:guid}/close", CloseAsync)
            .WithName("CloseOversightOrder")
            .WithSummary("督办: the supervisor closes the order")
            .WithDescription("Supervisors in scope, answered or not; body: note (optional), expectedVersion (optional).")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<OrderView>, ProblemHttpResult>> IssueAsync(IssueOrderRequest request, SupervisionOrders orders, CancellationToken cancellationToken) =>
        (await orders.IssueAsync(request, cancellationToken)).TryGet(out var view, out var error)
            ? TypedResults.Created($"/api/v1/supervision/oversight-orders/{view.Id}", view)
            : error.ToProblem();

    private static async Task<Results<Ok<IReadOnlyList<OrderView>>, ProblemHttpResult>> ListAsync(bool? open, string? caseNumber, SupervisionOrders orders, CancellationToken cancellationToken) =>
        (await orders.ListAsync(open ?? false, caseNumber, cancellationToken)).ToOkOrProblem();

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> FindAsync(Guid id, SupervisionOrders orders, CancellationToken cancellationToken) =>
        (await orders.FindAsync(id, cancellationToken)).ToOkOrProblem();

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> AnswerAsync(Guid id, AnswerOrderRequest request, SupervisionOrders orders, CancellationToken cancellationToken) =>
        (await orders.AnswerAsync(id, request, cancellationToken)).ToOkOrProblem();

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> CloseAsync(Guid id, CloseOrderRequest request, SupervisionOrders orders, CancellationToken cancellationToken) =>
        (await orders.CloseAsync(id, request, cancellationToken)).ToOkOrProblem();
}
