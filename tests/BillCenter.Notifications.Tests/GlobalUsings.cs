global using System.Net;
global using BillCenter.Testing;
global using Xunit;
