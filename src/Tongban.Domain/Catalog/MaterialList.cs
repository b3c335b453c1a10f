using Tongban.Domain.Primitives;

namespace Tongban.Domain.Catalog;

/// <summary>The exact materials for the situation answers given: 情形 add and remove from the base list.</summary>
public static class MaterialList
{
    /// <param name="answers">situation key → answer key; unanswered situations add nothing.</param>
    public static Result<IReadOnlyList<MaterialRequirement>> For(ImplementationContent content, IReadOnlyDictionary<string, string> answers)
    {
        var chosen = new List<SituationAnswer>();
        foreach (var (situationKey, answerKey) in answers)
        {
            var situation = content.Situations.FirstOrDefault(s => s.Key == situationKey);
            if (situation is null)
            {
                return new Invalid("catalog.situation-unknown", situationKey) { Field = situationKey };
            }

            var answer = situation.Answers.FirstOrDefault(a => a.Key == answerKey);
            if (answer is null)
            {
                return new Invalid("catalog.answer-unknown", situation.Question, answerKey) { Field = situationKey };
            }

            chosen.Add(answer);
        }

        var added = chosen.SelectMany(a => a.Adds).ToHashSet(StringComparer.Ordinal);
        var removed = chosen.SelectMany(a => a.Removes).ToHashSet(StringComparer.Ordinal);
        return Result<IReadOnlyList<MaterialRequirement>>.Success(
            [.. content.Materials.Where(m => (!m.Conditional || added.Contains(m.Key)) && !removed.Contains(m.Key))]);
    }
}
