using BillCenter.Modules.Preferences.Contracts;
using BillCenter.Modules.Preferences.Data;
using BillCenter.Modules.Preferences.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Features.GetStatementDelivery;

/// <summary>One query for the whole batch (an IN over the primary key); accounts without a row get the default.</summary>
internal sealed class GetStatementDeliveryHandler(PreferencesDbContext db)
    : IRequestHandler<Contracts.GetStatementDelivery, IReadOnlyDictionary<Guid, StatementDeliveryMethod>>
{
    public async Task<IReadOnlyDictionary<Guid, StatementDeliveryMethod>> Handle(Contracts.GetStatementDelivery request, CancellationToken cancellationToken)
    {
        var ids = request.CardAccountIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, StatementDeliveryMethod>();
        }

        var chosen = await db.StatementDeliveries.AsNoTracking()
            .Where(d => ids.Contains(d.CardAccountId))
            .ToDictionaryAsync(d => d.CardAccountId, d => d.Method, cancellationToken);
        return ids.ToDictionary(id => id, id => chosen.GetValueOrDefault(id, StatementDelivery.Default));
    }
}
