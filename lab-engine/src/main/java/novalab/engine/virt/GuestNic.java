package novalab.engine.virt;

import java.util.Locale;

/**
 * One NIC as the guest sees it: its device name (Ubuntu's predictable {@code ens3} or {@code enp1s0},
 * CirrOS's {@code eth0}), addresses, and the DHCP server Neutron runs on the subnet (the subnet's
 * second address unless that is the gateway).
 */
record GuestNic(int index, String device, String mac, String ip, int prefix, String netmask, String network,
                String gateway, String dhcpServer, String linkLocal) {

    static GuestNic of(InstanceSpec.Vif vif, int index, GuestOs os, GuestHardware hw) {
        String device = os.cirros() ? "eth" + index : hw.pcie() ? "enp" + (index + 1) + "s0" : "ens" + (index + 3);
        String mac = vif.mac().toLowerCase(Locale.ROOT);
        String[] cidr = vif.cidr().split("/");
        if (!isIpv4(vif.ip()) || !isIpv4(cidr[0])) {
            String gateway = vif.gateway().isEmpty() ? "::" : vif.gateway();
            return new GuestNic(index, device, mac, vif.ip(), cidr.length > 1 ? Integer.parseInt(cidr[1]) : 64, ".",
                    cidr[0], gateway, gateway, linkLocal(mac));
        }
        int prefix = cidr.length > 1 ? Integer.parseInt(cidr[1]) : 24;
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long net = ipv4(cidr[0]) & mask;
        String gateway = vif.gateway().isEmpty() ? dotted(net + 1) : vif.gateway();
        String dhcp = dotted(net + 2);
        if (dhcp.equals(gateway) || dhcp.equals(vif.ip())) dhcp = dotted(net + 1);
        if (dhcp.equals(gateway) || dhcp.equals(vif.ip())) dhcp = dotted(net + 3);
        return new GuestNic(index, device, mac, vif.ip(), prefix, dotted(mask), dotted(net), gateway, dhcp,
                linkLocal(mac));
    }

    static boolean isIpv4(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    static long ipv4(String dotted) {
        long v = 0;
        for (String part : dotted.split("\\.")) v = (v << 8) | Integer.parseInt(part);
        return v;
    }

    static String dotted(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    /** The EUI-64 link-local address the kernel derives from a MAC: fa:16:3e:.. gives fe80::f816:3eff:fe... */
    static String linkLocal(String mac) {
        String[] b = mac.toLowerCase(Locale.ROOT).split(":");
        int[] x = new int[6];
        for (int i = 0; i < 6; i++) x[i] = Integer.parseInt(b[i], 16);
        int[] eui = {x[0] ^ 0x02, x[1], x[2], 0xff, 0xfe, x[3], x[4], x[5]};
        StringBuilder s = new StringBuilder("fe80::");
        for (int g = 0; g < 4; g++) {
            if (g > 0) s.append(':');
            s.append(Integer.toHexString((eui[2 * g] << 8) | eui[2 * g + 1]));
        }
        return s.toString();
    }
}
