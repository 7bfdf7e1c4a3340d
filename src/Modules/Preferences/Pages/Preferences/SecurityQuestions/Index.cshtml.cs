using System.Security.Claims;
using BillCenter.Modules.Audit.Contracts;
using BillCenter.Modules.Notifications.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using BillCenter.Modules.Users.Contracts;
using BillCenter.SharedKernel.Web.TagHelpers;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Pages.Preferences.SecurityQuestions;

/// <summary>
/// Three different questions from the list, with answers kept only as salted slow hashes and shown nowhere after saving.
/// Recovery asks one of them after its one-time code, never instead of it.
/// </summary>
[Authorize]
[RequireRecentPassword]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const string Heading = "Your security questions";

    /// <summary>The status message on the overview after a save.</summary>
    public const string SavedMessage = "Your security questions are saved. We sent a security alert to your contact details.";

    public const string SavedKey = "preferences.security-questions.saved";

    /// <summary>The step after this one in "Set up your account": statement delivery of the first card account.</summary>
    public const string NextSetupStep = "/preferences/alerts?setup=true";

    /// <summary>When another window saved first (two saves racing): nothing of this one was saved.</summary>
    public const string ChangedElsewhere = "Your security questions were just changed in another window, so nothing was saved here. Check the questions and save again.";

    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>Reached from "Set up your account" after enrollment: the step may be skipped.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Setup { get; set; }

    public IReadOnlyList<SelectItem> Questions { get; } = [.. SecurityQuestion.All.Select(q => new SelectItem(q.Key, q.Text))];

    /// <summary>When the questions were last saved; null when none are set.</summary>
    public DateTime? SetAt { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await mediator.Send(new Query(UserId), cancellationToken);
        SetAt = current.SetAt;
        Data.Question1 = current.Keys.ElementAtOrDefault(0);
        Data.Question2 = current.Keys.ElementAtOrDefault(1);
        Data.Question3 = current.Keys.ElementAtOrDefault(2);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Data.UserId = UserId;
        if (!await mediator.Send(Data, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Data)}.{nameof(Command.Question1)}", ChangedElsewhere);
            SetAt = (await mediator.Send(new Query(UserId), cancellationToken)).SetAt;
            return Page();
        }

        TempData[SavedKey] = SavedMessage;
        return Setup ? LocalRedirect(NextSetupStep) : RedirectToPage("/Preferences/Index");
    }

    /// <summary>The questions the user set, in their order (never the answers), and when.</summary>
    internal sealed record Query(string UserId) : IRequest<Current>;

    internal sealed record Current(IReadOnlyList<string> Keys, DateTime? SetAt);

    internal sealed class QueryHandler(PreferencesDbContext db) : IRequestHandler<Query, Current>
    {
        public async Task<Current> Handle(Query request, CancellationToken cancellationToken)
        {
            var rows = await db.SecurityAnswers.AsNoTracking()
                .Where(a => a.UserId == request.UserId)
                .OrderBy(a => a.Position)
                .Select(a => new { a.QuestionKey, a.SetAt })
                .ToListAsync(cancellationToken);
            return new Current([.. rows.Select(r => r.QuestionKey)], rows.Count == 0 ? null : rows.Max(r => r.SetAt));
        }
    }

    /// <summary>Replace the user's three questions and answers; false when another save won the race (nothing saved).</summary>
    public sealed class Command : IRequest<bool>
    {
        [BindNever]
        public string UserId { get; set; } = string.Empty;

        public string? Question1 { get; set; }

        public string? Answer1 { get; set; }

        public string? Question2 { get; set; }

        public string? Answer2 { get; set; }

        public string? Question3 { get; set; }

        public string? Answer3 { get; set; }

        internal IReadOnlyList<(string? Question, string? Answer)> Pairs => [(Question1, Answer1), (Question2, Answer2), (Question3, Answer3)];
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public const int MaxAnswerLength = 100;

        public Validator()
        {
            Question(1, c => c.Question1, c => c.Answer1, _ => []);
            Question(2, c => c.Question2, c => c.Answer2, c => [(1, c.Question1, c.Answer1)]);
            Question(3, c => c.Question3, c => c.Answer3, c => [(1, c.Question1, c.Answer1), (2, c.Question2, c.Answer2)]);
        }

        private void Question(
            int number,
            System.Linq.Expressions.Expression<Func<Command, string?>> question,
            System.Linq.Expressions.Expression<Func<Command, string?>> answer,
            Func<Command, IEnumerable<(int Number, string? Question, string? Answer)>> earlier)
        {
            RuleFor(question).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage($"Select question {number}")
                .Must(key => SecurityQuestion.Find(key) is not null).WithMessage($"Select question {number} from the list")
                .Must((command, key) => earlier(command).All(e => e.Question != key))
                .WithMessage((command, key) => $"Select a different question for question {number}: you chose this one for question {earlier(command).First(e => e.Question == key).Number}");

            RuleFor(answer).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage($"Enter an answer to question {number}")
                .MaximumLength(MaxAnswerLength).WithMessage($"Answer {number} must be {MaxAnswerLength} characters or fewer")
                .Must(a => SecurityAnswerHasher.Normalize(a).Length >= SecurityAnswerHasher.MinLength)
                .WithMessage($"Answer {number} must have at least {SecurityAnswerHasher.MinLength} letters or numbers")
                .Must((command, a) => earlier(command).All(e => SecurityAnswerHasher.Normalize(e.Answer) != SecurityAnswerHasher.Normalize(a)))
                .WithMessage((command, a) => $"Answer {number} must be different from answer {earlier(command).First(e => SecurityAnswerHasher.Normalize(e.Answer) == SecurityAnswerHasher.Normalize(a)).Number}");
        }
    }

    internal sealed class Handler(PreferencesDbContext db, SecurityAnswerHasher hasher, IMediator mediator, TimeProvider time) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            // The alert goes to the contact details on file before anything changes, so they hear of it whatever follows.
            await mediator.Send(new QueueAlert(AlertType.Security, "security-questions-changed", null, request.UserId, new Dictionary<string, string>()), cancellationToken);

            var now = time.GetUtcNow().UtcDateTime;
            var answers = request.Pairs.Select((pair, index) => new SecurityAnswer
            {
                Id = Guid.NewGuid(),
                UserId = request.UserId,
                Position = index + 1,
                QuestionKey = pair.Question!,
                AnswerHash = hasher.Hash(pair.Answer!),
                SetAt = now,
            }).ToList();

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.SecurityAnswers.Where(a => a.UserId == request.UserId).ExecuteDeleteAsync(cancellationToken);
                db.SecurityAnswers.AddRange(answers);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another save of this user's questions committed between our delete and insert: its answers stand.
                    return false;
                }

                await transaction.CommitAsync(cancellationToken);
            }

            await mediator.Publish(new SecurityEventOccurred(SecurityEventKind.SecurityQuestionsChanged, request.UserId, Detail: "security questions saved"), cancellationToken);
            return true;
        }
    }
}
