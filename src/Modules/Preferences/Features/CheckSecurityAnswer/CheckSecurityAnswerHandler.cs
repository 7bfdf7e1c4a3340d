using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Features.CheckSecurityAnswer;

internal sealed class CheckSecurityAnswerHandler(PreferencesDbContext db, SecurityAnswerHasher hasher) : IRequestHandler<Contracts.CheckSecurityAnswer, bool>
{
    public async Task<bool> Handle(Contracts.CheckSecurityAnswer request, CancellationToken cancellationToken)
    {
        var hash = await db.SecurityAnswers.AsNoTracking()
            .Where(a => a.UserId == request.UserId && a.QuestionKey == request.QuestionKey)
            .Select(a => a.AnswerHash)
            .FirstOrDefaultAsync(cancellationToken);
        return hasher.Matches(hash, request.Answer);
    }
}
