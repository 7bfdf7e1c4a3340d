using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Features.GetAlertChoices;

/// <summary>One query for the whole batch; types an account never set get their defaults.</summary>
internal sealed class GetAlertChoicesHandler(PreferencesDbContext db)
    : IRequestHandler<Contracts.GetAlertChoices, IReadOnlyDictionary<Guid, AlertChoices>>
{
    public async Task<IReadOnlyDictionary<Guid, AlertChoices>> Handle(Contracts.GetAlertChoices request, CancellationToken cancellationToken)
    {
        var ids = request.CardAccountIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, AlertChoices>();
        }

        var rows = (await db.AlertSettings.AsNoTracking().Where(s => ids.Contains(s.CardAccountId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.CardAccountId);
        return ids.ToDictionary(id => id, id => AlertCatalog.ChoicesFrom(rows[id]));
    }
}
