import PoolCore
import Testing

@Suite struct PoolConfigurationTests {
    @Test func noneMeansSysMaxsize() {
        let config = PoolConfiguration(
            maxConnections: nil,
            maxKeepaliveConnections: nil,
            keepaliveExpiry: 5,
            algorithm: .httpcore1
        )
        #expect(config.effectiveMaxConnections == 9_223_372_036_854_775_807)
        #expect(config.effectiveMaxKeepaliveConnections == 9_223_372_036_854_775_807)
    }

    @Test func keepaliveIsClampedToMaxConnections() {
        let config = PoolConfiguration(
            maxConnections: 5,
            maxKeepaliveConnections: 10,
            keepaliveExpiry: 5,
            algorithm: .httpcore1
        )
        #expect(config.effectiveMaxKeepaliveConnections == 5)
        let onlyMax = PoolConfiguration(
            maxConnections: 7,
            maxKeepaliveConnections: nil,
            keepaliveExpiry: 5,
            algorithm: .httpcore2
        )
        #expect(onlyMax.effectiveMaxConnections == 7)
        #expect(onlyMax.effectiveMaxKeepaliveConnections == 7)
    }

    @Test func negativeValuesPassThrough() {
        let config = PoolConfiguration(
            maxConnections: -1,
            maxKeepaliveConnections: -5,
            keepaliveExpiry: -1,
            algorithm: .httpcore1
        )
        #expect(config.effectiveMaxConnections == -1)
        #expect(config.effectiveMaxKeepaliveConnections == -5)
        #expect(config.keepaliveExpiry == -1)
    }

    @Test func httpxDefault() {
        let config = PoolConfiguration.httpxDefault(algorithm: .httpcore1)
        #expect(
            config
                == PoolConfiguration(
                    maxConnections: 100,
                    maxKeepaliveConnections: 20,
                    keepaliveExpiry: 5,
                    algorithm: .httpcore1
                )
        )
    }
}
