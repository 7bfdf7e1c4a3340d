using BillCenter.Testing;

namespace BillCenter.Bench.Payments;

internal sealed record PostingResult(TestDatabase Database, int Payments, TimeSpan Generate, TimeSpan Reference, TimeSpan Run, int Posted, int LedgerEntries, bool Check)
{
    public double PaymentsPerSecond => Posted / Run.TotalSeconds;

    public double Ratio => Run.TotalSeconds / Reference.TotalSeconds;
}
