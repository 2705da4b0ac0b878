package io.guanxi.crm.contact;

/** Sales regions of China (华东 EAST, 华北 NORTH, 华南 SOUTH, 华中 CENTRAL, 西南 SOUTHWEST, 西北 NORTHWEST, 东北 NORTHEAST) and beyond. */
public enum Region {
    EAST, NORTH, SOUTH, CENTRAL, SOUTHWEST, NORTHWEST, NORTHEAST, HK_MACAO_TAIWAN, OVERSEAS
}
