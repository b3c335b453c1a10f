using System.Collections;
using System.Reflection;
using Tongban.Domain.Cases;

namespace Tongban.Modules.Cases.Persistence;

/// <summary>
/// The collections of a <see cref="Case"/> stored as one JSON column (<c>cases.details</c>): they are
/// read and written with the case, never queried on their own, so one document keeps the row whole
/// and the scalar columns beside it stay the ones lists and queues filter on.
/// </summary>
internal sealed record CaseDocument(
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyDictionary<string, string> FormValues,
    IReadOnlyList<CaseMaterial> Materials,
    IReadOnlyList<CorrectionItem> CorrectionNotice,
    IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<ClockStop> ClockStops,
    IReadOnlyList<InstantApprovalRule> InstantApprovalRules,
    IReadOnlyList<CaseEvent> History)
{
    /// <summary>The shadow property of <see cref="Case"/> that holds the document.</summary>
    public const string Column = "Details";

    public static string Of(Case @case) => CaseJson.Write(new CaseDocument(
        @case.SituationAnswers, @case.FormValues, @case.Materials, @case.CorrectionNotice,
        @case.Steps, @case.ClockStops, @case.InstantApprovalRules, @case.History));

    /// <summary>Loads the stored document into a case just materialised (its collections are empty).</summary>
    public static void Fill(Case @case, string json)
    {
        var document = CaseJson.Read<CaseDocument>(json);
        Load(@case, "_answers", document.Answers);
        Load(@case, "_formValues", document.FormValues);
        Load(@case, "_materials", document.Materials);
        Load(@case, "_correctionNotice", document.CorrectionNotice);
        Load(@case, "_steps", document.Steps);
        Load(@case, "_clockStops", document.ClockStops);
        Load(@case, "_instantApprovalRules", document.InstantApprovalRules);
        Load(@case, "_history", document.History);
    }

    private static void Load(Case @case, string fieldName, IEnumerable items)
    {
        var field = typeof(Case).GetField(fieldName, BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"Case has no field {fieldName}.");
        switch (field.GetValue(@case))
        {
            case IDictionary dictionary:
                dictionary.Clear();
                foreach (var (key, value) in (IReadOnlyDictionary<string, string>)items)
                {
                    dictionary.Add(key, value);
                }

                break;
            case IList list:
                list.Clear();
                foreach (var item in items)
                {
                    list.Add(item);
                }

                break;
            default:
                throw new InvalidOperationException($"Case field {fieldName} is not a collection.");
        }
    }
}
