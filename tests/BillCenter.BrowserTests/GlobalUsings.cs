global using BillCenter.Testing;
global using Microsoft.Playwright;
global using Xunit;
