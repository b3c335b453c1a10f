using Microsoft.AspNetCore.Mvc;
using Tongban.Domain.Catalog;
using Tongban.Domain.Primitives;

namespace Tongban.Modules.Catalog.Pages.Admin.Implementations;

/// <summary>One answer row of the situation form; the materials it adds or removes are given by their keys.</summary>
public sealed class AnswerInput
{
    public string? Key { get; set; }

    public string? Text { get; set; }

    public string? Adds { get; set; }

    public string? Removes { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Adds) && string.IsNullOrWhiteSpace(Removes);
}

/// <summary>办理情形: a question and its answers, each adding or removing materials by key; blank answer rows are ignored.</summary>
public sealed class SituationsModel(DraftEditing editing) : ElementListModel<Situation>(editing)
{
    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public List<AnswerInput> Answers { get; set; } = [];

    public override string Tab => "/situations";

    /// <summary>The answer rows to show: those posted or filled, and at least two blank ones to add more.</summary>
    public IReadOnlyList<AnswerInput> AnswerRows =>
        [.. Answers, .. Enumerable.Range(0, Math.Max(0, Math.Max(3, Answers.Count(a => !a.IsBlank) + 2) - Answers.Count)).Select(_ => new AnswerInput())];

    public override string KeyOf(Situation entry) => entry.Key;

    protected override IReadOnlyList<Situation> EntriesOf(ImplementationContent content) => content.Situations;

    protected override ImplementationContent With(ImplementationContent content, IReadOnlyList<Situation> entries) => content with { Situations = entries };

    protected override Situation Read(List<Error> errors)
    {
        RequireKey(errors, Key, nameof(Key));
        Require(errors, Question, nameof(Question), "问题");

        var answers = new List<SituationAnswer>();
        for (var i = 0; i < Answers.Count; i++)
        {
            var answer = Answers[i];
            if (answer.IsBlank)
            {
                continue;
            }

            RequireKey(errors, answer.Key, $"{nameof(Answers)}[{i}].{nameof(AnswerInput.Key)}");

            answers.Add(new SituationAnswer
            {
                Key = ElementsForm.Text(answer.Key),
                Text = ElementsForm.Text(answer.Text),
                Adds = ElementsForm.ListOf(answer.Adds),
                Removes = ElementsForm.ListOf(answer.Removes),
            });
        }

        return new Situation { Key = ElementsForm.Text(Key), Question = ElementsForm.Text(Question), Answers = answers };
    }

    protected override void Fill(Situation entry)
    {
        (Key, Question) = (entry.Key, entry.Question);
        Answers = [.. entry.Answers.Select(a => new AnswerInput { Key = a.Key, Text = a.Text, Adds = string.Join('，', a.Adds), Removes = string.Join('，', a.Removes) })];
    }
}
