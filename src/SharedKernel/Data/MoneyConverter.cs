using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BillCenter.SharedKernel.Data;

public sealed class MoneyConverter() : ValueConverter<SharedKernel.Money.Money, long>(
    v => v.Cents,
    v => SharedKernel.Money.Money.FromCents(v));
