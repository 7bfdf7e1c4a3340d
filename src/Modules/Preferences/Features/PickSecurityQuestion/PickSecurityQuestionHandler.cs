using System.Security.Cryptography;
using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Features.PickSecurityQuestion;

internal sealed class PickSecurityQuestionHandler(PreferencesDbContext db) : IRequestHandler<Contracts.PickSecurityQuestion, SecurityQuestionPrompt?>
{
    public async Task<SecurityQuestionPrompt?> Handle(Contracts.PickSecurityQuestion request, CancellationToken cancellationToken)
    {
        var keys = await db.SecurityAnswers.AsNoTracking()
            .Where(a => a.UserId == request.UserId)
            .Select(a => a.QuestionKey)
            .ToListAsync(cancellationToken);
        var questions = keys.Select(SecurityQuestion.Find).OfType<SecurityQuestion>().ToList();
        if (questions.Count == 0)
        {
            return null;
        }

        var question = questions[RandomNumberGenerator.GetInt32(questions.Count)];
        return new SecurityQuestionPrompt(question.Key, question.Text);
    }
}
